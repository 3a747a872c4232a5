namespace Infohus.Api.Cases.Assigning;

/// <summary>A member takes an unassigned case from their own department's queue; the token names them.</summary>
public sealed record ClaimCase(long Version, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class ClaimCaseEndpoint
{
    [WolverinePost("/api/cases/{id}/claim"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, ClaimCase? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.ClaimCase(context.User.MemberName(), at, actor));
}
