using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>After feedback a) the referring authority carries the case on (§4.2.2 I a).</summary>
public static class HandOverStep
{
    public static Refusal? Rule(Case state)
    {
        if (state.ComesFromCitizen) return Refusal.RuleBroken(CaseRules.CitizenIsNoReferringAuthority);
        return state.Feedback == FeedbackKind.Guidance
            ? null
            : Refusal.Conflict("A case is handed over after feedback a) with guidance on specific measures (§4.2.2 I a).");
    }

    public static Decision HandOver(this Case state, string receivingAuthority, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Handover, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(receivingAuthority))
            return Refusal.Invalid("Name the referring authority that carries the case on.");
        return Decision.Accept(new CaseHandedOver(state.Id, receivingAuthority.Trim(), at, actor));
    }
}
