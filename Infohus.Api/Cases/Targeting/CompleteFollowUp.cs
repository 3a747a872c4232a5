namespace Infohus.Api.Cases.Targeting;

/// <summary>A follow-up (§4.3) is done: its owner, the case's assignee or the coordinator says so.</summary>
public sealed record CompleteFollowUp(long Version, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class CompleteFollowUpEndpoint
{
    [WolverinePost("/api/cases/{id}/follow-ups/{followUpId}/completion"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, Guid followUpId, CompleteFollowUp? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.CompleteFollowUp(followUpId, at, actor));
}
