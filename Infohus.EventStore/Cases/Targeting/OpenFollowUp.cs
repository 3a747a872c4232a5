using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>Afledte effekter: family, siblings, friends and network are followed up (§4.3).</summary>
public static class OpenFollowUpStep
{
    public static Refusal? Rule(Case state) =>
        state.Feedback == FeedbackKind.Targeted
            ? null
            : Refusal.Conflict("Follow-up on the family and network belongs to a targeted intervention (§4.3): give feedback b) first.");

    public static Decision OpenFollowUp(this Case state, Guid followUpId, FollowUpCircle circle, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.FollowUps, actor) ?? Decision.Accept(new FollowUpOpened(state.Id, followUpId, circle, at, actor));
}
