using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>The Infohus recommends an intervention; the authority for the area grants it (§4.3).</summary>
public static class RecommendInterventionStep
{
    public static Refusal? Rule(Case state) => state.AfterCrisisTeam("Interventions are recommended in a targeted course with a crisis team (§4.3)");

    public static Decision RecommendIntervention(this Case state, Guid interventionId, InterventionKind kind, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.Interventions, actor)
        ?? Decision.Accept(new InterventionRecommended(state.Id, interventionId, kind, at, actor));
}
