using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.EventStore.Outreach;

/// <summary>A newsletter to the staff of the departments involved (§5.2); it starts its own stream.</summary>
public static class SendNewsletterStep
{
    public static Decision SendNewsletter(Guid id, DateOnly date, string audience, MemberRef actor)
    {
        if (OutreachRules.OnlyMembers(actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(audience)) return Refusal.Invalid("Name the newsletter's audience.");
        return Decision.Accept(new NewsletterSent(id, date, audience.Trim(), actor));
    }
}
