using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>The authority's decision on a recommended intervention, never the Infohus's (§4.3: bevilling).</summary>
public static class DecideInterventionStep
{
    public static Refusal? Rule(Case state) =>
        state.Interventions.Any(i => i.Decision is null)
            ? null
            : Refusal.Conflict("No recommended intervention awaits an authority's decision.");

    public static Decision DecideIntervention(
        this Case state, Guid interventionId, InterventionDecision decision, string authority, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.InterventionDecision, actor) is { } refusal) return refusal;
        var intervention = state.Interventions.FirstOrDefault(i => i.Id == interventionId);
        if (intervention is null) return Refusal.NotFound("The case has no such intervention.");
        if (intervention.Decision is not null) return Refusal.Conflict("The authority's decision on this intervention is already recorded.");
        if (string.IsNullOrWhiteSpace(authority))
            return Refusal.Invalid("Name the authority that granted or refused the intervention.");
        // §4.3: interventions are granted by the authority for the area; the Infohus cannot grant them.
        if (authority.Contains("infohus", StringComparison.OrdinalIgnoreCase))
            return Refusal.RuleBroken("The Infohus cannot grant or refuse interventions (§4.3); name the authority for the area.");
        return Decision.Accept(new InterventionDecided(state.Id, interventionId, decision, authority.Trim(), at, actor));
    }
}
