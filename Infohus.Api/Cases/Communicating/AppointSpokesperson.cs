namespace Infohus.Api.Cases.Communicating;

/// <summary>§5.3.2: the municipality appoints a spokesperson, named by function.</summary>
public sealed record AppointSpokesperson(long Version, string Function, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class AppointSpokespersonEndpoint
{
    [WolverinePost("/api/cases/{id}/press/spokesperson"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, AppointSpokesperson? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.AppointSpokesperson(command!.Function, at, actor));
}
