namespace Infohus.Api.Cases.Closing;

public sealed record CloseCase(long Version, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class CloseCaseEndpoint
{
    [WolverinePost("/api/cases/{id}/closure"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, CloseCase? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.Close(at, actor));
}
