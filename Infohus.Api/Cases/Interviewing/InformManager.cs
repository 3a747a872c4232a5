namespace Infohus.Api.Cases.Interviewing;

/// <summary>The referring employee's nearest manager has been told (§4.2.2 I).</summary>
public sealed record InformManager(long Version, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class InformManagerEndpoint
{
    [WolverinePost("/api/cases/{id}/manager-informed"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, InformManager? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.InformManager(at, actor));
}
