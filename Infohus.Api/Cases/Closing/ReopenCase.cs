namespace Infohus.Api.Cases.Closing;

/// <summary>The one step a closed case accepts. The case goes back to assessment; its history stays.</summary>
public sealed record ReopenCase(long Version, string Reason, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class ReopenCaseEndpoint
{
    [WolverinePost("/api/cases/{id}/reopening"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, ReopenCase? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, cipher) => state.Reopen(cipher.Seal(command!.Reason), at, actor));
}
