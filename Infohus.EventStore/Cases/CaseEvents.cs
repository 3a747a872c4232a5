using System.Text.Json.Serialization;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

// Events are forever: past-tense, positional, carrying their business time and who acted.
// Renaming one renames its stored type; add new events instead of changing old ones.

/// <summary>The prevention triangle (forebyggelsestrekanten): opbyggende / foregribende / indgribende.</summary>
public enum PreventionTier { General, Specific, Targeted }

/// <summary>
/// Who handles a citizen's referral (§4.2.2 II): under 18 the SSP consultant, 18 or over the police
/// representative. A citizen may not know the person's age (a young man at the station, a group); the
/// concern is never refused, and the SSP consultant (the coordinator) triages it until the age is known.
/// </summary>
public enum CitizenRoute { SspConsultant, PoliceRepresentative, CoordinatorTriage }

/// <summary>Where the member guides a citizen (§4.2.2 II): 114, 112 or the national hotline.</summary>
public enum CitizenGuidance { Police114, Emergency112, NationalHotline }

/// <summary>Why a referral that is not about extremism is passed on (§4.2.2, e.g. social control).</summary>
public enum RedirectionReason { NegativeSocialControl, ForcedMarriage, HonourRelatedConflict, Crime, Wellbeing, Other }

/// <summary>Tilbagemelding (§4.2.2 I): a) guidance on specific measures, b) targeted intervention.</summary>
public enum FeedbackKind { Guidance, Targeted }

/// <summary>What the Infohus may advise (§4.3); the authority for the area grants it.</summary>
public enum InterventionKind
{
    SupportContactPerson,
    SpecialisedMentor,
    ParentCoach,
    ExitProgramme,
    EducationOffer,
    EmploymentOffer,
    Other
}

public enum InterventionDecision { Granted, Refused }

/// <summary>Afledte effekter (§4.3): who around the citizen is followed up.</summary>
public enum FollowUpCircle { Family, Siblings, Friends, Network }

public enum EvaluationOutcome { ConcernResolved, ConcernReduced, Unchanged, ConcernIncreased, NotPossible }

/// <summary>A bekymringshenvendelse received. Starts the case stream; <c>Reference</c> is the case's reference (2026-0042).</summary>
public sealed record ReferralReceived(
    Guid CaseId,
    ReferralSource Source,
    ReferralChannel Channel,
    ReferrerOrganisation ReferrerOrganisation,
    Registration Registration,
    PersonalText Description,
    SubjectDetails Subject,
    ReferrerDetails Referrer,
    DateTimeOffset ReceivedAt,
    MemberRef ReceivedBy,
    DateTimeOffset? AssessmentDueAt = null,
    // Absent (not null) in the stored JSON of referrals received before references: they read and write as stored.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference = null) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => ReceivedAt; MemberRef? ICaseEvent.Actor => ReceivedBy; }

/// <summary>A citizen's referral routed by age at intake (§4.2.2 II a/b). Never a refusal.</summary>
public sealed record CitizenReferralRouted(
    Guid CaseId,
    CitizenRoute Route,
    Department ResponsibleDepartment,
    IReadOnlyList<CitizenGuidance> Guidance,
    DateTimeOffset RoutedAt,
    MemberRef RoutedBy) : ICaseEvent
{
    DateTimeOffset ICaseEvent.OccurredAt => RoutedAt;
    MemberRef? ICaseEvent.Actor => RoutedBy;

    /// <summary>
    /// The member who received it keeps it when they belong to the responsible department; otherwise
    /// it waits for that department (§4.2.2 II b: the receiver puts the citizen in contact with the police).
    /// </summary>
    public string? AssignedMember() => CitizenConcerns.Assignee(Route, ResponsibleDepartment, RoutedBy);
}

/// <summary>The referring employee's nearest manager was told before the interview (§4.2.2 I).</summary>
public sealed record NearestManagerInformed(Guid CaseId, DateTimeOffset InformedAt, MemberRef InformedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => InformedAt; MemberRef? ICaseEvent.Actor => InformedBy; }

/// <summary>
/// Bekymringsinterview held, with the two notices of §4.2.2 I given: a referral does not replace a
/// notification (underretning), and the municipality's duty to report to the Immigration Service.
/// </summary>
public sealed record ConcernInterviewHeld(
    Guid CaseId,
    bool NotificationDutyExplained,
    bool ImmigrationServiceDutyExplained,
    PersonalText? Notes,
    DateTimeOffset HeldAt,
    MemberRef HeldBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => HeldAt; MemberRef? ICaseEvent.Actor => HeldBy; }

/// <summary>
/// The Infohus assessed the concern. When it is not about radicalisation or extremism there is no
/// level and no tier: the case is then redirected.
/// </summary>
public sealed record ConcernAssessed(
    Guid CaseId,
    bool ConcernsExtremism,
    string? ConcernLevel,
    PreventionTier? Tier,
    IReadOnlyList<Department> Participants,
    DateTimeOffset AssessedAt,
    MemberRef AssessedBy,
    DateTimeOffset? FollowUpDueAt = null,
    Guid? MeetingId = null) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => AssessedAt; MemberRef? ICaseEvent.Actor => AssessedBy; }

/// <summary>Not about extremism: passed on to the right body in the municipality (§4.2.2).</summary>
public sealed record ReferralRedirected(
    Guid CaseId,
    string Body,
    RedirectionReason Reason,
    DateTimeOffset RedirectedAt,
    MemberRef RedirectedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => RedirectedAt; MemberRef? ICaseEvent.Actor => RedirectedBy; }

/// <summary>Indberetning: the local police reported the case to PET and EAE (§4.2.2 I, §4.3 I).</summary>
public sealed record ReportedToPetEae(Guid CaseId, DateTimeOffset ReportedAt, MemberRef ReportedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => ReportedAt; MemberRef? ICaseEvent.Actor => ReportedBy; }

public sealed record FeedbackGiven(Guid CaseId, FeedbackKind Kind, DateTimeOffset GivenAt, MemberRef GivenBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => GivenAt; MemberRef? ICaseEvent.Actor => GivenBy; }

/// <summary>After feedback a), the referring authority carries the case on; the Infohus is no longer involved.</summary>
public sealed record CaseHandedOver(
    Guid CaseId,
    string ReceivingAuthority,
    DateTimeOffset HandedOverAt,
    MemberRef HandedOverBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => HandedOverAt; MemberRef? ICaseEvent.Actor => HandedOverBy; }

/// <summary>Kriseteam across the relevant departments and the police (§4.3).</summary>
public sealed record CrisisTeamConvened(
    Guid CaseId,
    IReadOnlyList<Department> Departments,
    DateTimeOffset ConvenedAt,
    MemberRef ConvenedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => ConvenedAt; MemberRef? ICaseEvent.Actor => ConvenedBy; }

/// <summary>Beredskabsplan written by the crisis team (§4.3).</summary>
public sealed record PreparednessPlanAdopted(
    Guid CaseId,
    PersonalText Plan,
    DateTimeOffset AdoptedAt,
    MemberRef AdoptedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => AdoptedAt; MemberRef? ICaseEvent.Actor => AdoptedBy; }

public sealed record InterventionRecommended(
    Guid CaseId,
    Guid InterventionId,
    InterventionKind Kind,
    DateTimeOffset RecommendedAt,
    MemberRef RecommendedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => RecommendedAt; MemberRef? ICaseEvent.Actor => RecommendedBy; }

/// <summary>
/// The authority for the area granted or refused the intervention (§4.3: bevilling); the Infohus only
/// records the authority's decision and can never be the grantor.
/// </summary>
public sealed record InterventionDecided(
    Guid CaseId,
    Guid InterventionId,
    InterventionDecision Decision,
    string Authority,
    DateTimeOffset DecidedAt,
    MemberRef RecordedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => DecidedAt; MemberRef? ICaseEvent.Actor => RecordedBy; }

public sealed record FollowUpOpened(
    Guid CaseId,
    Guid FollowUpId,
    FollowUpCircle Circle,
    DateTimeOffset OpenedAt,
    MemberRef OpenedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => OpenedAt; MemberRef? ICaseEvent.Actor => OpenedBy; }

public sealed record CourseEvaluated(
    Guid CaseId,
    EvaluationOutcome Outcome,
    PersonalText? Notes,
    DateTimeOffset EvaluatedAt,
    MemberRef EvaluatedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => EvaluatedAt; MemberRef? ICaseEvent.Actor => EvaluatedBy; }

public sealed record CaseClosed(Guid CaseId, DateTimeOffset ClosedAt, MemberRef ClosedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => ClosedAt; MemberRef? ICaseEvent.Actor => ClosedBy; }

public sealed record CaseReopened(Guid CaseId, PersonalText Reason, DateTimeOffset ReopenedAt, MemberRef ReopenedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => ReopenedAt; MemberRef? ICaseEvent.Actor => ReopenedBy; }

/// <summary>What a reaction deadline waits for: the assessment of a referral, or the step after an assessment.</summary>
public enum DeadlinePhase { Assessment, FollowUp }

/// <summary>The case was not acted on by its due time on the concern-level staircase (§4).</summary>
public sealed record ReactionDeadlineMissed(Guid CaseId, DeadlinePhase Phase, DateTimeOffset DueAt, DateTimeOffset DetectedAt) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => DetectedAt; MemberRef? ICaseEvent.Actor => null; }

public enum ErasureReason { RetentionExpired, DataSubjectRequest, NoLongerNecessary, Unlawful }

/// <summary>
/// The case's key was destroyed: every personal field of every event is unreadable from now on,
/// while the events, their order and their coded fields stay as they were. Reference is legal's
/// journal number; ErasedBy the user id of the legal officer, or the retention rule.
/// </summary>
public sealed record PersonalDataErased(
    Guid CaseId,
    ErasureReason Reason,
    string? Reference,
    DateTimeOffset ErasedAt,
    string ErasedBy) : ICaseEvent
{
    /// <summary>Who erases when the retention period runs out; anyone else who erases is legal (the erasure policy).</summary>
    public const string ByRetentionRule = "retention-rule";

    DateTimeOffset ICaseEvent.OccurredAt => ErasedAt;
    MemberRef? ICaseEvent.Actor => null;
}

/// <summary>
/// A named member of a department who has a case or a follow-up: the member's id, name and department.
/// It names an Infohus member, never the citizen.
/// </summary>
public sealed record Assignee(string MemberId, string Name, Department Department);

/// <summary>
/// Who has the case: a member claimed it from their department's queue (<c>Claimed</c>), or the
/// coordinator or the member who had it assigned it to a member of any department.
/// </summary>
public sealed record CaseAssigned(
    Guid CaseId,
    Assignee Assignee,
    bool Claimed,
    DateTimeOffset AssignedAt,
    MemberRef AssignedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => AssignedAt; MemberRef? ICaseEvent.Actor => AssignedBy; }

/// <summary>
/// A follow-up (§4.3) given its owner and due time when it is opened. A separate event, so the stored
/// <see cref="FollowUpOpened"/> of older follow-ups (which had neither) stays as it was.
/// </summary>
public sealed record FollowUpAssigned(
    Guid CaseId,
    Guid FollowUpId,
    Assignee Owner,
    DateTimeOffset? DueAt,
    DateTimeOffset AssignedAt,
    MemberRef AssignedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => AssignedAt; MemberRef? ICaseEvent.Actor => AssignedBy; }

/// <summary>A follow-up on the family, siblings, friends or network (§4.3) is done.</summary>
public sealed record FollowUpCompleted(
    Guid CaseId,
    Guid FollowUpId,
    DateTimeOffset CompletedAt,
    MemberRef CompletedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => CompletedAt; MemberRef? ICaseEvent.Actor => CompletedBy; }

/// <summary>
/// A case received before references existed is given one, once, by the one-off <c>references assign</c>
/// (README, "The case's reference"): numbered on from its year's counter. No member acts.
/// </summary>
public sealed record CaseReferenceGiven(Guid CaseId, string Reference, DateTimeOffset GivenAt) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => GivenAt; MemberRef? ICaseEvent.Actor => null; }

/// <summary>Who gave the first concern level at intake: the referrer, or the member who received the referral.</summary>
public enum TriageSource { Referrer, ReceivingMember }

/// <summary>
/// A first concern level given at intake (§4: the staircase decides how fast to react), appended with
/// the referral: the assessment is then due by the level's reaction time instead of the intake default,
/// and the most urgent level calls for an ad hoc meeting (§3.1 "ad hoc som følge af konkrete sager").
/// </summary>
public sealed record IntakeTriaged(
    Guid CaseId,
    string ConcernLevel,
    TriageSource GivenBy,
    DateTimeOffset AssessmentDueAt,
    bool AdHocMeeting,
    DateTimeOffset TriagedAt,
    MemberRef TriagedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => TriagedAt; MemberRef? ICaseEvent.Actor => TriagedBy; }

/// <summary>
/// The concern assessed again while the case is open, after feedback a) or b): escalated (guidance to a
/// crisis team) or stepped down, without closing and reopening. The earlier assessment stays in the history;
/// the new one calls for its own feedback, due by the new level's reaction time.
/// </summary>
public sealed record ConcernReassessed(
    Guid CaseId,
    string ConcernLevel,
    PreventionTier Tier,
    string? PreviousConcernLevel,
    PreventionTier? PreviousTier,
    IReadOnlyList<Department> Participants,
    DateTimeOffset ReassessedAt,
    MemberRef ReassessedBy,
    DateTimeOffset FollowUpDueAt,
    Guid? MeetingId) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => ReassessedAt; MemberRef? ICaseEvent.Actor => ReassessedBy; }

/// <summary>
/// "Infohus Nordjylland underrettes via EAE" (§2.1): appended with the police's report to PET/EAE, so the
/// case records that the regional Infohus was informed, and how; the Infohus Hjørring informs it no other way.
/// </summary>
public sealed record RegionalInfohusInformed(Guid CaseId, string Via, DateTimeOffset InformedAt, MemberRef InformedBy) : ICaseEvent
{
    /// <summary>The channel the plan names: EAE informs the regional Infohus of a report.</summary>
    public const string ThroughEae = "eae";

    DateTimeOffset ICaseEvent.OccurredAt => InformedAt;
    MemberRef? ICaseEvent.Actor => InformedBy;
}

/// <summary>What a journal note records: a call, a contact with the school, a meeting, or something else.</summary>
public enum JournalNoteKind { PhoneCall, SchoolContact, Meeting, Other }

/// <summary>
/// A note in the case's running journal (journalnotat): the coded kind and when it happened are readable,
/// the text is sealed with the case's key and erased with it.
/// </summary>
public sealed record JournalNoteAdded(Guid CaseId, JournalNoteKind Kind, PersonalText Text, DateTimeOffset OccurredAt, MemberRef AddedBy) : ICaseEvent
{
    DateTimeOffset ICaseEvent.OccurredAt => OccurredAt;
    MemberRef? ICaseEvent.Actor => AddedBy;
}

/// <summary>What an attached document is: an interview form, a preparedness plan, a letter, or something else.</summary>
public enum DocumentKind { InterviewForm, PreparednessPlan, Letter, Other }

/// <summary>
/// A file attached to the case. The event carries what the file is (its kind, the type read from its
/// content, size and SHA-256 of the clear content), never the content, which is stored sealed with the
/// case's key in <c>case_document</c>; the file name can name a person, so it is sealed too.
/// </summary>
public sealed record DocumentAttached(
    Guid CaseId,
    Guid DocumentId,
    DocumentKind Kind,
    PersonalText FileName,
    string MediaType,
    long Size,
    string Sha256,
    DateTimeOffset AttachedAt,
    MemberRef AttachedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => AttachedAt; MemberRef? ICaseEvent.Actor => AttachedBy; }

/// <summary>Why two cases belong together: siblings, the same group, the same milieu, or another reason.</summary>
public enum LinkReason { Sibling, SameGroup, SameMilieu, Other }

/// <summary>
/// Two cases linked as related (siblings, the same group or milieu): appended on both streams in one
/// transaction, each naming the other, so each case shows the link in its own history. No personal data.
/// </summary>
public sealed record CasesLinked(Guid CaseId, Guid OtherCaseId, string? OtherReference, LinkReason Reason, DateTimeOffset LinkedAt, MemberRef LinkedBy) : ICaseEvent
{
    DateTimeOffset ICaseEvent.OccurredAt => LinkedAt;
    MemberRef? ICaseEvent.Actor => LinkedBy;
}
