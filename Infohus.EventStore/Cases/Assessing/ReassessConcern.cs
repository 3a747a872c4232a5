using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>
/// The course as it really runs: a concern that got feedback a) or b) is assessed again while the case
/// is open, escalated to the targeted tier (a crisis team) or stepped down, without closing and reopening.
/// </summary>
public static class ReassessConcernStep
{
    public static Refusal? Rule(Case state)
    {
        if (CaseRules.ExtremismAssessed(state) is { } refusal) return refusal;
        return state.Feedback is null
            ? Refusal.Conflict("The assessment has had no feedback yet: assess it again instead of re-assessing it.")
            : null;
    }

    public static Decision Reassess(
        this Case state, string? concernLevel, PreventionTier? tier, IReadOnlyList<Department> participants,
        ActionPlanSettings plan, DateTimeOffset at, MemberRef actor, Guid? meetingId = null)
    {
        if (state.Check(CaseAction.Reassessment, actor) is { } refusal) return refusal;
        if (participants.Count == 0)
            return Refusal.Invalid("Name the departments that took part in the re-assessment.");
        if (concernLevel is null || !plan.KnowsLevel(concernLevel))
            return Refusal.Invalid($"Give a concern level from the staircase: {string.Join(", ", plan.ConcernLevels.Select(l => l.Code))}.");
        if (tier is null)
            return Refusal.Invalid("Give the prevention tier: general, specific or targeted.");
        var previous = state.Assessment!;
        if (previous.ConcernLevel == concernLevel && previous.Tier == tier)
            return Refusal.Conflict("The assessment already reads so.");

        return Decision.Accept(new ConcernReassessed(state.Id, concernLevel, tier.Value, previous.ConcernLevel, previous.Tier,
            [.. participants.Distinct()], at, actor, at + plan.ReactionTimeFor(concernLevel), meetingId));
    }
}
