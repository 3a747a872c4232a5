using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>A follow-up on the family, siblings, friends or network (§4.3) is completed by its owner, the case's assignee or the coordinator.</summary>
public static class CompleteFollowUpStep
{
    public static Refusal? Rule(Case state) =>
        (state.FollowUpList ?? []).Any(f => f.CompletedAt is null)
            ? null
            : Refusal.Conflict("No follow-up of the case is open.");

    public static Decision CompleteFollowUp(this Case state, Guid followUpId, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.FollowUpCompletion, actor) is { } refusal) return refusal;
        var followUp = (state.FollowUpList ?? []).FirstOrDefault(f => f.Id == followUpId);
        if (followUp is null) return Refusal.NotFound("The case has no such follow-up.");
        if (followUp.CompletedAt is not null) return Refusal.Conflict("The follow-up is already completed.");
        // A follow-up opened before owners were recorded has none: the case's assignee or the coordinator completes it.
        if (actor.Role != Role.Coordinator && actor.UserId != followUp.Owner?.MemberId && actor.UserId != state.AssignedTo)
            return Refusal.Forbidden("Only the follow-up's owner, the case's assignee or the coordinator completes a follow-up.");
        return Decision.Accept(new FollowUpCompleted(state.Id, followUpId, at, actor));
    }
}
