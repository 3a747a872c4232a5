namespace Infohus.Api.Cases.Targeting;

/// <summary>Records the granting authority's decision (bevilling); never the Infohus's own (§4.3).</summary>
public sealed record DecideIntervention(long Version, InterventionDecision Decision, string Authority, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class DecideInterventionEndpoint
{
    [WolverinePost("/api/cases/{id}/interventions/{interventionId}/decision"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, Guid interventionId, DecideIntervention? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command,
            (state, at, actor, _) => state.DecideIntervention(interventionId, command!.Decision, command.Authority, at, actor));
}
