namespace Infohus.Api.Cases.Communicating;

/// <summary>§5.3.2: both heads are told before anything reaches the press.</summary>
public sealed record RecordHeadsInformed(long Version, bool HeadOfChildrenAndFamily, bool HeadOfLocalPolice, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class RecordHeadsInformedEndpoint
{
    [WolverinePost("/api/cases/{id}/press/heads-informed"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, RecordHeadsInformed? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) =>
            state.RecordHeadsInformed(command!.HeadOfChildrenAndFamily, command.HeadOfLocalPolice, at, actor));
}
