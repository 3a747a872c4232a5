using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>Afledte effekter: family, siblings, friends and network are followed up (§4.3), by a named owner, by a due time.</summary>
public static class OpenFollowUpStep
{
    public static Refusal? Rule(Case state) =>
        state.Feedback == FeedbackKind.Targeted
            ? null
            : Refusal.Conflict("Follow-up on the family and network belongs to a targeted intervention (§4.3): give feedback b) first.");

    /// <summary>The owner defaults to the member who opens it (the API passes that member with the token's name).</summary>
    public static Decision OpenFollowUp(this Case state, Guid followUpId, FollowUpCircle circle, Assignee owner, DateTimeOffset? dueAt, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.FollowUps, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(owner.MemberId) || string.IsNullOrWhiteSpace(owner.Name))
            return Refusal.Invalid("Name the follow-up's owner: memberId, name and department.");
        if (dueAt is { } due && due <= at) return Refusal.Invalid("A follow-up is due after it is opened.");
        return Decision.Accept(
            new FollowUpOpened(state.Id, followUpId, circle, at, actor),
            new FollowUpAssigned(state.Id, followUpId, owner with { MemberId = owner.MemberId.Trim(), Name = owner.Name.Trim() }, dueAt, at, actor));
    }
}
