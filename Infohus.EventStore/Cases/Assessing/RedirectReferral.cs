using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>A concern that is not about extremism is passed on to the right body (§4.2.2).</summary>
public static class RedirectReferralStep
{
    public static Refusal? Rule(Case state) => state.Assessment switch
    {
        null => Refusal.Conflict("Assess the concern before redirecting it."),
        { ConcernsExtremism: true } => Refusal.RuleBroken("The concern was assessed as radicalisation or extremism; only other concerns are redirected (§4.2.2)."),
        _ => null
    };

    public static Decision Redirect(this Case state, string body, RedirectionReason reason, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Redirection, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(body)) return Refusal.Invalid("Name the body the referral is passed on to.");
        return Decision.Accept(new ReferralRedirected(state.Id, body.Trim(), reason, at, actor));
    }
}
