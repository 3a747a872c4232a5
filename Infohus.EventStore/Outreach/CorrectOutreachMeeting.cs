using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.EventStore.Outreach;

/// <summary>A recorded outreach meeting's figures put right by a later event on its stream; the recorded event is never changed.</summary>
public static class CorrectOutreachMeetingStep
{
    /// <summary>Corrects the figures of a meeting recorded before; <paramref name="held"/> is null when no outreach meeting has the id.</summary>
    public static Decision CorrectOutreachMeeting(OutreachMeetingHeld? held, int participants, int actionCards, string reason, DateTimeOffset at, MemberRef actor)
    {
        if (OutreachRules.OnlyMembers(actor) is { } refusal) return refusal;
        if (held is null) return Refusal.NotFound("No outreach meeting has this id.");
        if (OutreachRules.Figures(participants, actionCards) is { } wrong) return wrong;
        if (string.IsNullOrWhiteSpace(reason)) return Refusal.Invalid("Say why the figures are corrected.");
        return Decision.Accept(new OutreachMeetingCorrected(held.Id, participants, actionCards, reason.Trim(), at, actor));
    }
}
