using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.EventStore.Outreach;

/// <summary>Sparring: a member's anonymous advice to a colleague (§2.1, §3.3); it starts its own stream.</summary>
public static class GiveAdviceStep
{
    public static Decision GiveAdvice(Guid id, DateOnly date, AdviceTopic topic, ReferrerOrganisation organisation, AdviceOutcome outcome, DateOnly today, MemberRef actor)
    {
        if (OutreachRules.OnlyMembers(actor) is { } refusal) return refusal;
        // Advice goes to a colleague in an organisation; a citizen's concern is a referral (§4.2.2 II).
        if (organisation == ReferrerOrganisation.PrivateCitizen)
            return Refusal.Invalid("Advice to a citizen is no sparring with a colleague: record the citizen's concern as a referral.");
        if (date > today) return Refusal.Invalid("The advice's date lies in the future.");
        return Decision.Accept(new AdviceGiven(id, date, actor.Department, topic, organisation, outcome, actor));
    }
}
