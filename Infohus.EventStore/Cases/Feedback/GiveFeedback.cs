using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>Tilbagemelding to the referrer: a) guidance or b) targeted, as the tier says (§4.2.2 I).</summary>
public static class GiveFeedbackStep
{
    public static Refusal? Rule(Case state)
    {
        if (CaseRules.ExtremismAssessed(state) is { } refusal) return refusal;
        if (state.Feedback is not null) return Refusal.Conflict("Feedback has already been given.");
        // A citizen's concern assessed as general or specific would take feedback a); the citizen is guided instead.
        return state.ComesFromCitizen && state.Assessment!.Tier != PreventionTier.Targeted
            ? Refusal.RuleBroken(CaseRules.CitizenIsNoReferringAuthority)
            : null;
    }

    public static Decision GiveFeedback(this Case state, FeedbackKind kind, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Feedback, actor) is { } refusal) return refusal;
        if (state.ComesFromCitizen && kind == FeedbackKind.Guidance) return Refusal.RuleBroken(CaseRules.CitizenIsNoReferringAuthority);
        // §4.2.2 I: the feedback depends on the concern: a) specific measures, b) targeted interventions.
        var expected = state.Assessment!.Tier == PreventionTier.Targeted ? FeedbackKind.Targeted : FeedbackKind.Guidance;
        if (kind != expected)
            return Refusal.RuleBroken(expected == FeedbackKind.Targeted
                ? "The concern was assessed as targeted: the feedback is b), and the Infohus joins the crisis team (§4.2.2 I b)."
                : "The concern was assessed as general or specific: the feedback is a), guidance on specific measures (§4.2.2 I a).");
        return Decision.Accept(new FeedbackGiven(state.Id, kind, at, actor));
    }
}
