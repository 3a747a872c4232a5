using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Infohus.Projections.Register;

/// <summary>
/// What the course came to, for the register's "plan for the course" (§4.2.2 III), from the least to
/// the furthest: a citizen guided to 114, 112 or the hotline (§4.2.2 II), a redirection, feedback a),
/// a hand-over, a crisis team. Stored by name, so the order can grow.
/// </summary>
public enum CoursePlan { None, CitizenGuidance, Redirection, Guidance, HandOver, CrisisTeam }

/// <summary>
/// The anonymous registration of one referral (§4.2.2 III): coded and coarsened, no name, CPR number,
/// address or free text. The id only ties the row to its event stream for rebuilding.
/// </summary>
public sealed record RegisterEntry(
    Guid Id,
    string AgeBand,
    Gender Gender,
    NationalityGroup Nationality,
    string District,
    FamilyNetwork Family,
    Attachment Attachment,
    ReferralSource Source,
    ReferrerOrganisation ReferrerOrganisation,
    Department ReceivingDepartment,
    IdeologyCategory Ideology,
    IReadOnlyList<WarningSign> WarningSigns,
    bool? ConcernsExtremism,
    string? ConcernLevel,
    PreventionTier? Tier,
    CoursePlan CoursePlan,
    bool PetEaeReported,
    EvaluationOutcome? Evaluation,
    CaseStatus Status,
    DateTimeOffset ReferredAt,
    DateTimeOffset? AssessedAt,
    DateTimeOffset? ClosedAt,
    double? ReactionHours,
    bool DeadlineMissed = false);

/// <summary>Async: the register and the statistics follow the events through the daemon.</summary>
public sealed partial class RegisterProjection(AgeBands bands) : SingleStreamProjection<RegisterEntry, Guid>
{
    public override RegisterEntry? Evolve(RegisterEntry? snapshot, Guid id, IEvent e)
    {
        if (e.Data is ReferralReceived r)
        {
            var registration = r.Registration;
            return new RegisterEntry(id, bands.BandOf(registration.Age), registration.Gender, registration.Nationality,
                registration.District, registration.Family, registration.Attachment, r.Source, r.ReferrerOrganisation,
                r.ReceivedBy.Department, registration.Ideology, registration.WarningSigns, null, null, null, CoursePlan.None,
                false, null, CaseStatus.Open, r.ReceivedAt, null, null, null);
        }

        return snapshot is null ? null : e.Data switch
        {
            // The register follows the registration as it is completed or corrected; the age band stays
            // "unknown" until the age is known.
            RegistrationCorrected corrected => Registered(snapshot, corrected.Registration),
            CitizenGuided => snapshot with { CoursePlan = Furthest(snapshot.CoursePlan, CoursePlan.CitizenGuidance) },
            // The register keeps the department that received the referral, not the one that handles it.
            CitizenReferralRerouted => snapshot,
            // The reaction time runs from the referral to its first assessment.
            ConcernAssessed a => snapshot with
            {
                ConcernsExtremism = a.ConcernsExtremism,
                ConcernLevel = a.ConcernLevel,
                Tier = a.Tier,
                AssessedAt = snapshot.AssessedAt ?? a.AssessedAt,
                ReactionHours = snapshot.ReactionHours ?? Math.Round((a.AssessedAt - snapshot.ReferredAt).TotalHours, 2)
            },
            // The register shows the level and tier the concern has now; the reaction time stays that of the first assessment.
            ConcernReassessed reassessed => snapshot with { ConcernLevel = reassessed.ConcernLevel, Tier = reassessed.Tier },
            ReferralRedirected => snapshot with { CoursePlan = CoursePlan.Redirection },
            ReportedToPetEae => snapshot with { PetEaeReported = true },
            FeedbackGiven { Kind: FeedbackKind.Guidance } => snapshot with { CoursePlan = Furthest(snapshot.CoursePlan, CoursePlan.Guidance) },
            // Feedback b) shows in the register as the crisis team it leads to.
            FeedbackGiven => snapshot,
            CaseHandedOver => snapshot with { CoursePlan = Furthest(snapshot.CoursePlan, CoursePlan.HandOver) },
            CrisisTeamConvened => snapshot with { CoursePlan = CoursePlan.CrisisTeam },
            CourseEvaluated evaluated => snapshot with { Evaluation = evaluated.Outcome },
            CaseClosed closed => snapshot with { Status = CaseStatus.Closed, ClosedAt = closed.ClosedAt },
            ReactionDeadlineMissed => snapshot with { DeadlineMissed = true },
            CaseReopened => snapshot with { Status = CaseStatus.Open, ClosedAt = null },
            // The register is anonymous and coded (§4.2.2 III): routing, the steps before the assessment,
            // the targeted course's details, who has the case, disclosures, communication and erasure are not in it.
            CitizenReferralRouted or NearestManagerInformed or ConcernInterviewHeld or PreparednessPlanAdopted
                or InterventionRecommended or InterventionDecided or FollowUpOpened or FollowUpAssigned or FollowUpCompleted
                or CaseAssigned or CaseReferenceGiven or InformationDisclosed
                or InternalCommunicationSent or PressHeadsInformed or SpokespersonAppointed or PressMessageIssued
                or PersonalDataErased => snapshot,
            // The register keeps the level at the assessment (§4.2.2 III "ved vurdering af sagen"), not the first one at intake.
            IntakeTriaged => snapshot,
            // The register counts the PET/EAE report; that EAE informed the regional Infohus adds nothing to it.
            RegionalInfohusInformed => snapshot,
            // The journal's notes and documents are the case work's own record, not the anonymous register's.
            JournalNoteAdded or DocumentAttached => snapshot,
            // The register is per case and anonymous: which cases are related is not in it.
            CasesLinked => snapshot,
            ICaseEvent unhandled => throw new UnhandledCaseEvent(nameof(RegisterProjection), unhandled),
            _ => snapshot
        };
    }

    /// <summary>The registration's coded fields as the register keeps them, coarsened (age to its band).</summary>
    private RegisterEntry Registered(RegisterEntry entry, Registration registration) => entry with
    {
        AgeBand = bands.BandOf(registration.Age),
        Gender = registration.Gender,
        Nationality = registration.Nationality,
        District = registration.District,
        Family = registration.Family,
        Attachment = registration.Attachment,
        Ideology = registration.Ideology,
        WarningSigns = registration.WarningSigns
    };

    private static CoursePlan Furthest(CoursePlan current, CoursePlan next) => next > current ? next : current;
}
