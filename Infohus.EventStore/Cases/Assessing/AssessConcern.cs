using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>The Infohus assesses the concern: about extremism or not, its level on the staircase and its tier (§4, §4.2.2 I).</summary>
public static class AssessConcernStep
{
    public static Refusal? Rule(Case state)
    {
        // §4.2.2 I: the Infohus assesses after the interview.
        if (state.ComesFromEmployeeOrPartner && !state.InterviewHeld)
            return Refusal.Conflict("A referral from an employee or partner is assessed after the concern interview (§4.2.2 I).");
        return state.Feedback is not null
            ? Refusal.Conflict("Feedback has been given on the assessment; reopen the case to assess it again.")
            : null;
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
}
