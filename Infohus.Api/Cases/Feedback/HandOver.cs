namespace Infohus.Api.Cases.Feedback;

/// <summary>After feedback a) the referring authority carries the case on (§4.2.2 I a).</summary>
public sealed record HandOver(long Version, string ReceivingAuthority, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class HandOverEndpoint
{
    [WolverinePost("/api/cases/{id}/handover"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, HandOver? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.HandOver(command!.ReceivingAuthority, at, actor));
}
