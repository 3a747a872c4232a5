using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>What a citizen tells about the situation; decides where the member guides them (§4.2.2 II).</summary>
public sealed record CitizenSituation(bool SuspectedIllegalActs, bool Acute, bool WantsAdvice);

/// <summary>
/// The action plan's rules as plain functions over a case: each returns the events to append or a
/// refusal. No database, no clock, no HTTP: the caller passes the time and the actor, and personal
/// text already sealed with the case's key (a blank text arrives as null).
/// </summary>
public static class CaseDecisions
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
        MemberRef actor)
    {
        if (actor.Role is not (Role.Member or Role.Coordinator))
            return Refusal.Forbidden("Only Infohus members and the coordinator receive referrals.");
        if (description is null)
            return Refusal.Invalid("Describe the concern.");
        if (RegistrationRules.Invalid(registration, plan) is { } invalid) return invalid;

        var received = new ReferralReceived(caseId, source, channel, referrerOrganisation, registration.Normalised(),
            description, subject, referrer, at, actor, at + plan.IntakeReactionTime);

        if (source != ReferralSource.Citizen) return Decision.Accept(received);

        // §4.2.2 II: a citizen's concern is never refused ("må dog aldrig afvise"). It is routed by age;
        // a citizen who cannot tell the age (a young man at the station, a group) is still heard, and the
        // SSP consultant (the coordinator) triages the concern until the age is known.
        var (route, department) = CitizenConcerns.RouteFor(registration.Age);
        return Decision.Accept(received,
            new CitizenReferralRouted(caseId, route, department, GuidanceFor(citizenSituation), at, actor));
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

    public static Decision InformManager(this Case state, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.ManagerInformed, actor) ?? Decision.Accept(new NearestManagerInformed(state.Id, at, actor));

    public static Decision HoldInterview(
        this Case state, bool notificationDutyExplained, bool immigrationServiceDutyExplained, PersonalText? notes,
        DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Interview, actor) is { } refusal) return refusal;
        // §4.2.2 I: the interview points out that a referral does not replace a notification, and
        // tells authority staff of the duty to report to the Immigration Service.
        if (!notificationDutyExplained || !immigrationServiceDutyExplained)
            return Refusal.RuleBroken("At the interview the referrer is told that a referral does not replace a notification, and of the duty to report to the Immigration Service (§4.2.2 I); record both as given.");
        return Decision.Accept(new ConcernInterviewHeld(state.Id, true, true, notes, at, actor));
    }

    public static Decision Assess(
        this Case state, bool concernsExtremism, string? concernLevel, PreventionTier? tier,
        IReadOnlyList<Department> participants, ActionPlanSettings plan, DateTimeOffset at, MemberRef actor, Guid? meetingId = null)
    {
        if (state.Check(CaseAction.Assessment, actor) is { } refusal) return refusal;
        if (participants.Count == 0)
            return Refusal.Invalid("Name the departments that took part in the assessment.");
        if (concernsExtremism)
        {
            if (concernLevel is null || !plan.KnowsLevel(concernLevel))
                return Refusal.Invalid($"Give a concern level from the staircase: {string.Join(", ", plan.ConcernLevels.Select(l => l.Code))}.");
            if (tier is null)
                return Refusal.Invalid("Give the prevention tier: general, specific or targeted.");
        }
        else if (concernLevel is not null || tier is not null)
        {
            return Refusal.Invalid("A concern that is not about radicalisation or extremism gets no concern level and no tier.");
        }

        return Decision.Accept(new ConcernAssessed(state.Id, concernsExtremism, concernLevel, tier,
            [.. participants.Distinct()], at, actor, at + plan.ReactionTimeFor(concernLevel), meetingId));
    }

    public static Decision Redirect(this Case state, string body, RedirectionReason reason, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Redirection, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(body)) return Refusal.Invalid("Name the body the referral is passed on to.");
        return Decision.Accept(new ReferralRedirected(state.Id, body.Trim(), reason, at, actor));
    }

    public static Decision ReportToPetEae(this Case state, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.PetEaeReport, actor) ?? Decision.Accept(new ReportedToPetEae(state.Id, at, actor));

    public static Decision GiveFeedback(this Case state, FeedbackKind kind, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Feedback, actor) is { } refusal) return refusal;
        if (state.ComesFromCitizen && kind == FeedbackKind.Guidance) return Refusal.RuleBroken(CaseRules.CitizenIsNoReferringAuthority);
        // §4.2.2 I: the feedback depends on the concern: a) specific measures, b) targeted interventions.
        var expected = state.Assessment!.Tier == PreventionTier.Targeted ? FeedbackKind.Targeted : FeedbackKind.Guidance;
        if (kind != expected)
            return Refusal.RuleBroken(expected == FeedbackKind.Targeted
                ? "The concern was assessed as targeted: the feedback is b), and the Infohus joins the crisis team (§4.2.2 I b)."
                : "The concern was assessed as general or specific: the feedback is a), guidance on specific measures (§4.2.2 I a).");
        return Decision.Accept(new FeedbackGiven(state.Id, kind, at, actor));
    }

    public static Decision HandOver(this Case state, string receivingAuthority, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Handover, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(receivingAuthority))
            return Refusal.Invalid("Name the referring authority that carries the case on.");
        return Decision.Accept(new CaseHandedOver(state.Id, receivingAuthority.Trim(), at, actor));
    }

    public static Decision ConveneCrisisTeam(this Case state, IReadOnlyList<Department> departments, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.CrisisTeam, actor) is { } refusal) return refusal;
        var team = departments.Distinct().ToList();
        // §4.3: a crisis team spans the relevant departments and the police.
        if (!team.Contains(Department.Police) || team.Count < 2)
            return Refusal.RuleBroken("A crisis team spans the relevant municipal departments and the police (§4.3).");
        return Decision.Accept(new CrisisTeamConvened(state.Id, team, at, actor));
    }

    public static Decision AdoptPreparednessPlan(this Case state, PersonalText? plan, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.PreparednessPlan, actor) is { } refusal) return refusal;
        if (plan is null) return Refusal.Invalid("Describe the preparedness plan.");
        return Decision.Accept(new PreparednessPlanAdopted(state.Id, plan, at, actor));
    }

    public static Decision RecommendIntervention(this Case state, Guid interventionId, InterventionKind kind, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.Interventions, actor)
        ?? Decision.Accept(new InterventionRecommended(state.Id, interventionId, kind, at, actor));

    public static Decision DecideIntervention(
        this Case state, Guid interventionId, InterventionDecision decision, string authority, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.InterventionDecision, actor) is { } refusal) return refusal;
        var intervention = state.Interventions.FirstOrDefault(i => i.Id == interventionId);
        if (intervention is null) return Refusal.NotFound("The case has no such intervention.");
        if (intervention.Decision is not null) return Refusal.Conflict("The authority's decision on this intervention is already recorded.");
        if (string.IsNullOrWhiteSpace(authority))
            return Refusal.Invalid("Name the authority that granted or refused the intervention.");
        // §4.3: interventions are granted by the authority for the area; the Infohus cannot grant them.
        if (authority.Contains("infohus", StringComparison.OrdinalIgnoreCase))
            return Refusal.RuleBroken("The Infohus cannot grant or refuse interventions (§4.3); name the authority for the area.");
        return Decision.Accept(new InterventionDecided(state.Id, interventionId, decision, authority.Trim(), at, actor));
    }

    public static Decision OpenFollowUp(this Case state, Guid followUpId, FollowUpCircle circle, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.FollowUps, actor) ?? Decision.Accept(new FollowUpOpened(state.Id, followUpId, circle, at, actor));

    public static Decision Evaluate(this Case state, EvaluationOutcome outcome, PersonalText? notes, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.Evaluation, actor) ?? Decision.Accept(new CourseEvaluated(state.Id, outcome, notes, at, actor));

    public static Decision Close(this Case state, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.Closure, actor) ?? Decision.Accept(new CaseClosed(state.Id, at, actor));

    public static Decision Reopen(this Case state, PersonalText? reason, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Reopening, actor) is { } refusal) return refusal;
        if (reason is null) return Refusal.Invalid("Say why the case is reopened.");
        return Decision.Accept(new CaseReopened(state.Id, reason, at, actor));
    }

    /// <summary>
    /// Erasure destroys the case key (the caller deletes it with this event); it is possible in any
    /// state, open or closed, and only once. Legal or the retention rule decides; the policy says who.
    /// </summary>
    public static Decision ErasePersonalData(this Case state, ErasureReason reason, string? reference, DateTimeOffset at, string erasedBy)
    {
        if (state.PersonalDataErased) return Refusal.Conflict("The case's personal data has already been erased.");
        return Decision.Accept(new PersonalDataErased(state.Id, reason, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), at, erasedBy));
    }

    /// <summary>
    /// The alarm of a reaction deadline: a case still waiting on the same due time gets one missed
    /// event; one acted on in time, re-assessed to a new due time, closed or already flagged gets none.
    /// </summary>
    public static Decision CheckDeadline(this Case state, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (state.DueAt != dueAt || state.DuePhase is not { } phase || state.MissedDueAt == dueAt
            || state.Status == CaseStatus.Closed || state.PersonalDataErased || now < dueAt)
            return Decision.Accept();
        return Decision.Accept(new ReactionDeadlineMissed(state.Id, phase, dueAt, now));
    }

    /// <summary>The retention rule: personal data is kept for the configured period after closure, then erased.</summary>
    public static bool IsPastRetention(this Case state, TimeSpan retention, DateTimeOffset now) =>
        state is { Status: CaseStatus.Closed, PersonalDataErased: false, ClosedAt: { } closedAt } && closedAt + retention <= now;
}
