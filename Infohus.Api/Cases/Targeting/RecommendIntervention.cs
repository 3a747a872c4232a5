namespace Infohus.Api.Cases.Targeting;

/// <summary>The Infohus advises an intervention (§4.3); the authority for the area decides on it.</summary>
public sealed record RecommendIntervention(long Version, InterventionKind Kind, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public sealed record InterventionRecommendation(Guid Id, long Version, Guid InterventionId);

public static class RecommendInterventionEndpoint
{
    [WolverinePost("/api/cases/{id}/interventions"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, RecommendIntervention? command, IDocumentSession session, HttpContext context)
    {
        var interventionId = Guid.CreateVersion7();
        return session.Decide(context, id, command,
            (state, at, actor, _) => state.RecommendIntervention(interventionId, command!.Kind, at, actor),
            written => new InterventionRecommendation(written.Id, written.Version, interventionId));
    }
}
