using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>A case closes when its course has run (§4.2.2).</summary>
public static class CloseCaseStep
{
    public static Refusal? Rule(Case state)
    {
        if (state.RedirectedTo is not null) return null;
        // §4.2.2 II: a citizen's concern closes with the guidance given, unless an assessment has put it
        // on the targeted course (then feedback b) and the evaluation come first) or found it is not about
        // extremism (then it is redirected).
        if (state.GuidedTo is not null && state.Assessment is null or { ConcernsExtremism: true, Tier: not PreventionTier.Targeted })
            return null;
        if (state.Assessment is null)
            return Refusal.Conflict(state.ComesFromCitizen
                ? "A citizen's case is closed after the citizen has been guided (§4.2.2 II), or after the concern has been assessed."
                : "A case is closed after the concern has been assessed.");
        if (!state.Assessment.ConcernsExtremism)
            return Refusal.Conflict("Redirect a concern that is not about extremism before closing the case.");
        if (state.Feedback is null)
            return Refusal.Conflict(state.ComesFromCitizen && state.Assessment.Tier != PreventionTier.Targeted
                ? "Record the guidance given to the citizen (§4.2.2 II) before closing the case."
                : "Give feedback before closing the case.");
        // §4.2.2 III: the evaluation of the course is registered for every case.
        return state.Evaluation is null ? Refusal.Conflict("Evaluate the course before closing the case (§4.2.2 III).") : null;
    }

    public static Decision Close(this Case state, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.Closure, actor) ?? Decision.Accept(new CaseClosed(state.Id, at, actor));
}
