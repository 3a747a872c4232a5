using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

public enum CaseStatus { Open, Closed }

public sealed record Assessment(bool ConcernsExtremism, string? ConcernLevel, PreventionTier? Tier, DateTimeOffset AssessedAt);

public sealed record Intervention(Guid Id, InterventionKind Kind, InterventionDecision? Decision, string? Authority);

/// <summary>A follow-up on the circle around the citizen (§4.3); older ones were opened without an owner or due time.</summary>
public sealed record FollowUp(Guid Id, FollowUpCircle Circle, Assignee? Owner, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt);

/// <summary>
/// The state of one case, folded from its events. Immutable: every Apply returns a new state, so a
/// handler can never change history by changing the aggregate.
/// </summary>
public sealed record Case(
    Guid Id,
    ReferralSource Source,
    Department ResponsibleDepartment,
    string ReceivedBy,
    string? AssignedTo,
    CitizenRoute? Route,
    ReferralChannel Channel,
    ReferrerOrganisation ReferrerOrganisation,
    Registration Registration,
    PersonalText Description,
    SubjectDetails Subject,
    ReferrerDetails Referrer,
    DateTimeOffset ReceivedAt,
    CaseStatus Status,
    bool ManagerInformed,
    bool InterviewHeld,
    Assessment? Assessment,
    string? RedirectedTo,
    bool ReportedToPetEae,
    FeedbackKind? Feedback,
    string? HandedOverTo,
    IReadOnlyList<Department> CrisisTeam,
    int PreparednessPlans,
    PersonalText? PreparednessPlan,
    IReadOnlyList<Intervention> Interventions,
    int FollowUps,
    EvaluationOutcome? Evaluation,
    DateTimeOffset? ClosedAt,
    bool PersonalDataErased,
    DateTimeOffset? DueAt,
    DeadlinePhase? DuePhase,
    DateTimeOffset? MissedDueAt,
    bool PressHeadsInformed = false,
    string? Spokesperson = null,
    IReadOnlyList<CitizenGuidance>? GuidedTo = null,
    Assignee? Assignee = null,
    IReadOnlyList<FollowUp>? FollowUpList = null,
    string? Reference = null,
    IReadOnlyList<CaseLink>? Links = null)
{
    /// <summary>The stream version, set by Marten after each event.</summary>
    public long Version { get; set; }

    /// <summary>§4.2.2 I: referrals from employees and external partners go through manager and interview.</summary>
    public bool ComesFromEmployeeOrPartner => Source is ReferralSource.Employee or ReferralSource.ExternalPartner;

    /// <summary>§4.2.2 II: a citizen's concern is routed by age and answered by guiding the citizen.</summary>
    public bool ComesFromCitizen => Source == ReferralSource.Citizen;

    public static Case Create(ReferralReceived e) => new(
        e.CaseId, e.Source, e.ReceivedBy.Department, e.ReceivedBy.UserId, e.ReceivedBy.UserId, null, e.Channel, e.ReferrerOrganisation,
        e.Registration, e.Description, e.Subject, e.Referrer, e.ReceivedAt, CaseStatus.Open,
        ManagerInformed: false, InterviewHeld: false, Assessment: null, RedirectedTo: null, ReportedToPetEae: false,
        Feedback: null, HandedOverTo: null, CrisisTeam: [], PreparednessPlans: 0, PreparednessPlan: null, Interventions: [],
        FollowUps: 0, Evaluation: null, ClosedAt: null, PersonalDataErased: false,
        DueAt: e.AssessmentDueAt, DuePhase: e.AssessmentDueAt is null ? null : DeadlinePhase.Assessment, MissedDueAt: null,
        Reference: e.Reference);

    // §4: a first concern level given at intake sets the assessment's due time by the staircase.
    public Case Apply(IntakeTriaged e) => this with { DueAt = e.AssessmentDueAt, DuePhase = DeadlinePhase.Assessment };

    public Case Apply(CitizenReferralRouted e) => this with
    {
        Route = e.Route,
        ResponsibleDepartment = e.ResponsibleDepartment,
        AssignedTo = e.AssignedMember(),
        Assignee = null
    };

    public Case Apply(CitizenReferralRerouted e) => this with
    {
        Route = e.Route,
        ResponsibleDepartment = e.ResponsibleDepartment,
        AssignedTo = e.AssignedMember(),
        Assignee = null
    };

    public Case Apply(CaseReferenceGiven e) => this with { Reference = e.Reference };

    public Case Apply(CaseAssigned e) => this with { AssignedTo = e.Assignee.MemberId, Assignee = e.Assignee };

    public Case Apply(RegistrationCorrected e) => this with { Registration = e.Registration };

    public Case Apply(CitizenGuided e) => this with { GuidedTo = e.Guidance, DueAt = null, DuePhase = null };

    public Case Apply(NearestManagerInformed _) => this with { ManagerInformed = true };

    public Case Apply(ConcernInterviewHeld _) => this with { InterviewHeld = true };

    public Case Apply(ConcernAssessed e) => this with
    {
        Assessment = new Assessment(e.ConcernsExtremism, e.ConcernLevel, e.Tier, e.AssessedAt),
        DueAt = e.FollowUpDueAt,
        DuePhase = e.FollowUpDueAt is null ? null : DeadlinePhase.FollowUp
    };

    // A new assessment while open calls for its own feedback; a hand-over after a) no longer holds, and a
    // crisis team is stood down when the concern steps down from the targeted tier (its work stays in the history).
    public Case Apply(ConcernReassessed e) => this with
    {
        Assessment = new Assessment(true, e.ConcernLevel, e.Tier, e.ReassessedAt),
        Feedback = null,
        HandedOverTo = null,
        CrisisTeam = e.Tier == PreventionTier.Targeted ? CrisisTeam : [],
        PreparednessPlans = e.Tier == PreventionTier.Targeted ? PreparednessPlans : 0,
        PreparednessPlan = e.Tier == PreventionTier.Targeted ? PreparednessPlan : null,
        DueAt = e.FollowUpDueAt,
        DuePhase = DeadlinePhase.FollowUp
    };

    public Case Apply(ReferralRedirected e) => this with { RedirectedTo = e.Body, DueAt = null, DuePhase = null };

    public Case Apply(ReactionDeadlineMissed e) => this with { MissedDueAt = e.DueAt };

    public Case Apply(PressHeadsInformed _) => this with { PressHeadsInformed = true };

    public Case Apply(SpokespersonAppointed e) => this with { Spokesperson = e.Function };

    public Case Apply(ReportedToPetEae _) => this with { ReportedToPetEae = true };

    public Case Apply(FeedbackGiven e) => this with { Feedback = e.Kind, DueAt = null, DuePhase = null };

    public Case Apply(CaseHandedOver e) => this with { HandedOverTo = e.ReceivingAuthority };

    public Case Apply(CrisisTeamConvened e) => this with { CrisisTeam = e.Departments };

    public Case Apply(PreparednessPlanAdopted e) => this with { PreparednessPlans = PreparednessPlans + 1, PreparednessPlan = e.Plan };

    public Case Apply(InterventionRecommended e) =>
        this with { Interventions = [.. Interventions, new Intervention(e.InterventionId, e.Kind, null, null)] };

    public Case Apply(InterventionDecided e) => this with
    {
        Interventions = [.. Interventions.Select(i => i.Id == e.InterventionId ? i with { Decision = e.Decision, Authority = e.Authority } : i)]
    };

    public Case Apply(FollowUpOpened e) => this with
    {
        FollowUps = FollowUps + 1,
        FollowUpList = [.. FollowUpList ?? [], new FollowUp(e.FollowUpId, e.Circle, null, null, null)]
    };

    public Case Apply(FollowUpAssigned e) => this with
    {
        FollowUpList = [.. (FollowUpList ?? []).Select(f => f.Id == e.FollowUpId ? f with { Owner = e.Owner, DueAt = e.DueAt } : f)]
    };

    public Case Apply(FollowUpCompleted e) => this with
    {
        FollowUpList = [.. (FollowUpList ?? []).Select(f => f.Id == e.FollowUpId ? f with { CompletedAt = e.CompletedAt } : f)]
    };

    public Case Apply(CourseEvaluated e) => this with { Evaluation = e.Outcome };

    public Case Apply(CaseClosed e) => this with { Status = CaseStatus.Closed, ClosedAt = e.ClosedAt, DueAt = null, DuePhase = null };

    public Case Apply(PersonalDataErased _) => this with { PersonalDataErased = true };

    // Steps that change nothing the rules look at still move the version: the stored state must say
    // the version a member writes on next (without these the snapshot stayed behind its stream).
    public Case Apply(InformationDisclosed _) => this;

    public Case Apply(InternalCommunicationSent _) => this;

    public Case Apply(PressMessageIssued _) => this;

    public Case Apply(RegionalInfohusInformed _) => this;

    public Case Apply(CasesLinked e) => this with { Links = [.. Links ?? [], new CaseLink(e.OtherCaseId, e.OtherReference, e.Reason, e.LinkedAt)] };

    // A reopened case goes back to assessment: the earlier course stays in the history, and the new
    // round needs its own assessment, feedback and evaluation, or for a citizen its own guidance.
    public Case Apply(CaseReopened _) => this with
    {
        Status = CaseStatus.Open,
        ClosedAt = null,
        Assessment = null,
        RedirectedTo = null,
        ReportedToPetEae = false,
        Feedback = null,
        HandedOverTo = null,
        CrisisTeam = [],
        PreparednessPlans = 0,
        PreparednessPlan = null,
        Evaluation = null,
        GuidedTo = null
    };

    public Case Apply(JournalNoteAdded _) => this;

    public Case Apply(DocumentAttached _) => this;
}
