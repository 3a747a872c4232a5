using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>What a citizen tells about the situation; decides where the member guides them (§4.2.2 II).</summary>
public sealed record CitizenSituation(bool SuspectedIllegalActs, bool Acute, bool WantsAdvice);

/// <summary>A first concern level on the staircase, given at intake by the referrer or the receiving member (§4).</summary>
public sealed record FirstConcern(string ConcernLevel, TriageSource GivenBy = TriageSource.ReceivingMember);

/// <summary>A bekymringshenvendelse received (§4.2.2): it starts the case's stream; a citizen's is routed by age and never refused (§4.2.2 II).</summary>
public static class ReceiveReferralStep
{
    public static Decision ReceiveReferral(
        Guid caseId,
        ReferralSource source,
        ReferralChannel channel,
        ReferrerOrganisation referrerOrganisation,
        Registration registration,
        PersonalText? description,
        SubjectDetails subject,
        ReferrerDetails referrer,
        CitizenSituation? citizenSituation,
        ActionPlanSettings plan,
        DateTimeOffset at,
        MemberRef actor,
        string? reference = null,
        FirstConcern? firstConcern = null)
    {
        if (actor.Role is not (Role.Member or Role.Coordinator))
            return Refusal.Forbidden("Only Infohus members and the coordinator receive referrals.");
        if (description is null)
            return Refusal.Invalid("Describe the concern.");
        if (RegistrationRules.Invalid(registration, plan) is { } invalid) return invalid;
        if (firstConcern is not null && !plan.KnowsLevel(firstConcern.ConcernLevel))
            return Refusal.Invalid($"Give a first concern level from the staircase: {string.Join(", ", plan.ConcernLevels.Select(l => l.Code))}.");

        var received = new ReferralReceived(caseId, source, channel, referrerOrganisation, registration.Normalised(),
            description, subject, referrer, at, actor, at + plan.IntakeReactionTime, reference);

        IReadOnlyList<object> triaged = firstConcern is null ? [] : [Triage(caseId, firstConcern, plan, at, actor)];

        if (source != ReferralSource.Citizen) return Decision.Accept([received, .. triaged]);

        // §4.2.2 II: a citizen's concern is never refused ("må dog aldrig afvise"). It is routed by age;
        // a citizen who cannot tell the age (a young man at the station, a group) is still heard, and the
        // SSP consultant (the coordinator) triages the concern until the age is known.
        var (route, department) = CitizenConcerns.RouteFor(registration.Age);
        return Decision.Accept([received,
            new CitizenReferralRouted(caseId, route, department, GuidanceFor(citizenSituation), at, actor), .. triaged]);
    }

    /// <summary>
    /// §4: the staircase decides how fast to react, so a first level moves the assessment's due time
    /// from the intake default to the level's reaction time (never later than the default: the next
    /// monthly meeting at the latest). The staircase's most urgent level cannot wait for the monthly
    /// meeting: the Infohus meets ad hoc (§3.1).
    /// </summary>
    private static IntakeTriaged Triage(Guid caseId, FirstConcern first, ActionPlanSettings plan, DateTimeOffset at, MemberRef actor)
    {
        var reaction = plan.ReactionTimeFor(first.ConcernLevel);
        var due = at + (reaction < plan.IntakeReactionTime ? reaction : plan.IntakeReactionTime);
        var adHoc = reaction == plan.ConcernLevels.Min(l => l.ReactionTime);
        return new IntakeTriaged(caseId, first.ConcernLevel, first.GivenBy, due, adHoc, at, actor);
    }

    private static IReadOnlyList<CitizenGuidance> GuidanceFor(CitizenSituation? situation)
    {
        var guidance = new List<CitizenGuidance>();
        if (situation is { SuspectedIllegalActs: true }) guidance.Add(CitizenGuidance.Police114);
        if (situation is { Acute: true }) guidance.Add(CitizenGuidance.Emergency112);
        // The national hotline's advice is always open to a citizen with a concern.
        if (situation is null or { WantsAdvice: true } || guidance.Count == 0) guidance.Add(CitizenGuidance.NationalHotline);
        return guidance;
    }
}
