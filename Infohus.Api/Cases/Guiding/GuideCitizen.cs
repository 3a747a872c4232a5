namespace Infohus.Api.Cases.Guiding;

/// <summary>
/// The member handling a citizen's concern records where the citizen was guided (§4.2.2 II): police 114,
/// emergency 112, the national hotline. The case may then close with that guidance.
/// </summary>
public sealed record GuideCitizen(long Version, IReadOnlyList<CitizenGuidance> Guidance, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class GuideCitizenEndpoint
{
    [WolverinePost("/api/cases/{id}/citizen-guidance"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, GuideCitizen? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.GuideCitizen(command!.Guidance, at, actor));
}
