using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>The member handling a citizen's concern records where the citizen was guided: 114, 112, the national hotline (§4.2.2 II).</summary>
public static class GuideCitizenStep
{
    /// <summary>
    /// The member handling the concern guides the citizen, once a round, before any feedback b) has put
    /// the case on the targeted course; a concern assessed as not about extremism is redirected instead.
    /// </summary>
    public static Refusal? Rule(Case state, MemberRef actor)
    {
        if (!state.ComesFromCitizen)
            return Refusal.RuleBroken("Guidance to 114, 112 or the national hotline answers a citizen's concern (§4.2.2 II); an employee or partner gets feedback (§4.2.2 I).");
        if (state.HandledBy(actor) is { } notTheHandler) return notTheHandler;
        if (state.GuidedTo is not null) return Refusal.Conflict("The guidance given to the citizen has already been recorded.");
        if (state.Feedback is not null)
            return Refusal.Conflict("Feedback b) has put the case on the targeted course (§4.2.2 I b); it closes after its evaluation.");
        return state.Assessment is { ConcernsExtremism: false }
            ? Refusal.RuleBroken("The concern was assessed as not about radicalisation or extremism; redirect it (§4.2.2).")
            : null;
    }

    /// <summary>Whether the actor handles the citizen's concern on its route (§4.2.2 II), or why not.</summary>
    private static Refusal? HandledBy(this Case state, MemberRef actor) => state.Route switch
    {
        CitizenRoute.SspConsultant when actor.Department != Department.Bfu =>
            Refusal.Forbidden("A citizen's concern about a child or young person under 18 is handled by the SSP consultant (§4.2.2 II a)."),
        CitizenRoute.PoliceRepresentative when actor.Department != Department.Police =>
            Refusal.Forbidden("A citizen's concern about an adult is handled by the police representative (§4.2.2 II b); put the citizen in contact with them."),
        CitizenRoute.CoordinatorTriage when actor.Role != Role.Coordinator =>
            Refusal.Forbidden("The person's age is unknown: the SSP consultant (the coordinator) handles the citizen's concern until it is known (§4.2.2 II)."),
        _ => null
    };

    public static Decision GuideCitizen(this Case state, IReadOnlyList<CitizenGuidance> guidance, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.CitizenGuidance, actor) is { } refusal) return refusal;
        if (guidance.Count == 0)
            return Refusal.Invalid("Name where the citizen was guided: police114, emergency112 or national-hotline (§4.2.2 II).");
        return Decision.Accept(new CitizenGuided(state.Id, [.. guidance.Distinct()], at, actor));
    }
}
