namespace Infohus.Api.Cases.Targeting;

/// <summary>Beredskabsplan: the crisis team's detailed effort for the citizen (§4.3). A later plan revises it.</summary>
public sealed record AdoptPreparednessPlan(long Version, string Plan, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class AdoptPreparednessPlanEndpoint
{
    [WolverinePost("/api/cases/{id}/preparedness-plan"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, AdoptPreparednessPlan? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, cipher) => state.AdoptPreparednessPlan(cipher.Seal(command!.Plan), at, actor));
}
