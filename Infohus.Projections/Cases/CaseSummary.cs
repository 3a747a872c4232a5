using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Infohus.Projections.Cases;

/// <summary>One row per case for the case list: coded facts only, no free text.</summary>
public sealed record CaseSummary(
    Guid Id,
    ReferralSource Source,
    Department ResponsibleDepartment,
    string ReceivedBy,
    string? AssignedTo,
    CaseStatus Status,
    string Stage,
    string? ConcernLevel,
    PreventionTier? Tier,
    DateTimeOffset ReceivedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? ClosedAt,
    bool PersonalDataErased,
    DateTimeOffset? DueAt,
    bool DeadlineMissed,
    long Version,
    string? AssigneeName = null,
    Department? AssigneeDepartment = null,
    string? Reference = null,
    bool AdHocMeeting = false);

/// <summary>Inline, so the list is consistent with every acknowledged write.</summary>
public sealed partial class CaseSummaryProjection : SingleStreamProjection<CaseSummary, Guid>
{
    public override CaseSummary? Evolve(CaseSummary? snapshot, Guid id, IEvent e)
    {
        if (e.Data is ReferralReceived received)
        {
            return new CaseSummary(id, received.Source, received.ReceivedBy.Department, received.ReceivedBy.UserId, received.ReceivedBy.UserId,
                CaseStatus.Open, "received", null, null, received.ReceivedAt, received.ReceivedAt, null, false,
                received.AssessmentDueAt, false, e.Version, Reference: received.Reference);
        }

        if (snapshot is null) return null;
        var next = e.Data switch
        {
            CitizenReferralRouted routed => snapshot with
            {
                ResponsibleDepartment = routed.ResponsibleDepartment,
                AssignedTo = routed.AssignedMember(),
                AssigneeName = null,
                AssigneeDepartment = null,
                Stage = "routed",
                LastActivityAt = routed.RoutedAt
            },
            // The department filter follows a triaged concern to its handler; the stage stays where it was.
            CitizenReferralRerouted rerouted => snapshot with
            {
                ResponsibleDepartment = rerouted.ResponsibleDepartment,
                AssignedTo = rerouted.AssignedMember(),
                AssigneeName = null,
                AssigneeDepartment = null,
                LastActivityAt = rerouted.RoutedAt
            },
            // The list shows no registration field; a correction is activity, not a stage of the course.
            RegistrationCorrected corrected => snapshot with { LastActivityAt = corrected.CorrectedAt },
            CitizenGuided guided => snapshot with { Stage = "citizen-guided", LastActivityAt = guided.GuidedAt, DueAt = null, DeadlineMissed = false },
            NearestManagerInformed informed => snapshot with { Stage = "manager-informed", LastActivityAt = informed.InformedAt },
            ConcernInterviewHeld interview => snapshot with { Stage = "interviewed", LastActivityAt = interview.HeldAt },
            ConcernAssessed assessed => snapshot with
            {
                Stage = "assessed", ConcernLevel = assessed.ConcernLevel, Tier = assessed.Tier, LastActivityAt = assessed.AssessedAt,
                DueAt = assessed.FollowUpDueAt, DeadlineMissed = false
            },
            ReferralRedirected redirected => snapshot with { Stage = "redirected", LastActivityAt = redirected.RedirectedAt, DueAt = null, DeadlineMissed = false },
            ReactionDeadlineMissed => snapshot with { DeadlineMissed = true },
            ReportedToPetEae reported => snapshot with { LastActivityAt = reported.ReportedAt },
            FeedbackGiven feedback => snapshot with { Stage = "feedback-given", LastActivityAt = feedback.GivenAt, DueAt = null, DeadlineMissed = false },
            CaseHandedOver handedOver => snapshot with { Stage = "handed-over", LastActivityAt = handedOver.HandedOverAt },
            CrisisTeamConvened convened => snapshot with { Stage = "crisis-team", LastActivityAt = convened.ConvenedAt },
            PreparednessPlanAdopted adopted => snapshot with { LastActivityAt = adopted.AdoptedAt },
            InterventionRecommended recommended => snapshot with { LastActivityAt = recommended.RecommendedAt },
            InterventionDecided decided => snapshot with { LastActivityAt = decided.DecidedAt },
            // A reference given afterwards is no activity on the case.
            CaseReferenceGiven given => snapshot with { Reference = given.Reference },
            CaseAssigned assigned => snapshot with
            {
                AssignedTo = assigned.Assignee.MemberId,
                AssigneeName = assigned.Assignee.Name,
                AssigneeDepartment = assigned.Assignee.Department,
                LastActivityAt = assigned.AssignedAt
            },
            FollowUpOpened followUp => snapshot with { LastActivityAt = followUp.OpenedAt },
            FollowUpAssigned followUp => snapshot with { LastActivityAt = followUp.AssignedAt },
            FollowUpCompleted followUp => snapshot with { LastActivityAt = followUp.CompletedAt },
            CourseEvaluated evaluated => snapshot with { Stage = "evaluated", LastActivityAt = evaluated.EvaluatedAt },
            CaseClosed closed => snapshot with { Status = CaseStatus.Closed, Stage = "closed", ClosedAt = closed.ClosedAt, LastActivityAt = closed.ClosedAt, DueAt = null, DeadlineMissed = false },
            CaseReopened reopened => snapshot with { Status = CaseStatus.Open, Stage = "reopened", ConcernLevel = null, Tier = null, ClosedAt = null, LastActivityAt = reopened.ReopenedAt },
            PersonalDataErased erased => snapshot with { PersonalDataErased = true, LastActivityAt = erased.ErasedAt },
            // The list shows no disclosure and no crisis communication; the version still moves.
            InformationDisclosed or InternalCommunicationSent or PressHeadsInformed or SpokespersonAppointed or PressMessageIssued => snapshot,
            // §4, §3.1: a first level at intake sets the due time; the most urgent one waits for an ad hoc meeting until assessed.
            IntakeTriaged triaged => snapshot with { DueAt = triaged.AssessmentDueAt, AdHocMeeting = triaged.AdHocMeeting },
            ConcernReassessed reassessed => snapshot with
            {
                Stage = "reassessed", ConcernLevel = reassessed.ConcernLevel, Tier = reassessed.Tier, LastActivityAt = reassessed.ReassessedAt,
                DueAt = reassessed.FollowUpDueAt, DeadlineMissed = false
            },
            RegionalInfohusInformed => snapshot,
            JournalNoteAdded note => snapshot with { LastActivityAt = note.OccurredAt },
            DocumentAttached document => snapshot with { LastActivityAt = document.AttachedAt },
            // A link is shown on the case, not in the list.
            CasesLinked => snapshot,
            ICaseEvent unhandled => throw new UnhandledCaseEvent(nameof(CaseSummaryProjection), unhandled),
            _ => snapshot
        };
        return next with { Version = e.Version };
    }
}
