
namespace Infohus.EventStore.Cases;

/// <summary>The alarm of a reaction deadline on the concern-level staircase (§4).</summary>
public static class CheckDeadlineStep
{
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
}
