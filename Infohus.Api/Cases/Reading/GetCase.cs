namespace Infohus.Api.Cases.Reading;

/// <summary>The case as it stands, its version for the next write, and what the caller may do next.</summary>
public sealed record CaseView(Guid Id, long Version, Case State, IReadOnlyList<CaseAction> AllowedActions);

public static class GetCaseEndpoint
{
    [WolverineGet("/api/cases/{id}"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext context)
    {
        var state = await session.Events.AggregateStreamAsync<Case>(id, token: context.RequestAborted);
        if (state is null) return Problems.UnknownCase();

        // Auditors and others without a department read, but are offered no actions.
        var allowed = context.User.HasKnownDepartment() ? state.AllowedActions(context.User.ToMemberRef()) : [];
        return Results.Ok(new CaseView(id, state.Version, state, allowed));
    }
}
