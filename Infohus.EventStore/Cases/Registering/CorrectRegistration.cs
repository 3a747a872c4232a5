using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>The coded registration completed or corrected as the Infohus learns more (§4.2.2 III); a known age routes a triaged citizen's concern (§4.2.2 II).</summary>
public static class CorrectRegistrationStep
{
    /// <summary>§4.2.2 III: the registration is completed and corrected as the Infohus learns more, on any open case.</summary>
    public static Refusal? Rule(Case state) => null;

    /// <summary>
    /// §4.2.2 III: the registration follows what the Infohus learns, on any open case, also one handed
    /// over or redirected (the register is the Infohus's own). When the age becomes known on a citizen's
    /// concern waiting in triage, the routing follows it (§4.2.2 II).
    /// </summary>
    public static Decision CorrectRegistration(this Case state, Registration registration, ActionPlanSettings plan, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Registration, actor) is { } refusal) return refusal;
        if (RegistrationRules.Invalid(registration, plan) is { } invalid) return invalid;
        var corrected = registration.Normalised();
        if (corrected.SameAs(state.Registration)) return Refusal.Conflict("The registration already reads so; there is nothing to correct.");

        var correction = new RegistrationCorrected(state.Id, corrected, at, actor);
        return state.RoutingFollows(corrected.Age, at, actor) is { } rerouted
            ? Decision.Accept(correction, rerouted)
            : Decision.Accept(correction);
    }
}
