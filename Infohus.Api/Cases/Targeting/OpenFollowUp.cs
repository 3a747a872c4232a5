namespace Infohus.Api.Cases.Targeting;

/// <summary>
/// Follow-up on derived effects around the citizen: family, siblings, friends, network (§4.3), with its
/// owner (default: the member who opens it) and an optional due time.
/// </summary>
public sealed record OpenFollowUp(long Version, FollowUpCircle Circle, DateTimeOffset? OccurredAt = null, Assignee? Owner = null, DateTimeOffset? DueAt = null) : ICaseCommand;

public sealed record FollowUpReceipt(Guid Id, long Version, Guid FollowUpId);

public static class OpenFollowUpEndpoint
{
    [WolverinePost("/api/cases/{id}/follow-ups"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, OpenFollowUp? command, IDocumentSession session, HttpContext context)
    {
        var followUpId = Guid.CreateVersion7();
        return session.Decide(context, id, command,
            (state, at, actor, _) => state.OpenFollowUp(followUpId, command!.Circle,
                command.Owner ?? new Assignee(actor.UserId, context.User.MemberName(), actor.Department), command.DueAt?.ToUniversalTime(), at, actor),
            written => new FollowUpReceipt(written.Id, written.Version, followUpId));
    }
}
