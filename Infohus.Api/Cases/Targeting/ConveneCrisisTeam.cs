using Infohus.EventStore.Members;

namespace Infohus.Api.Cases.Targeting;

/// <summary>Kriseteam across the relevant departments and the police (§4.3).</summary>
public sealed record ConveneCrisisTeam(long Version, IReadOnlyList<Department> Departments, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class ConveneCrisisTeamEndpoint
{
    [WolverinePost("/api/cases/{id}/crisis-team"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, ConveneCrisisTeam? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.ConveneCrisisTeam(command!.Departments, at, actor));
}
