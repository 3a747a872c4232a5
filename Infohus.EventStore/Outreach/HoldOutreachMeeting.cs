using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.EventStore.Outreach;

/// <summary>An information and dialogue meeting, internal or external, with Action Cards handed out (§4.2.1); it starts its own stream.</summary>
public static class HoldOutreachMeetingStep
{
    public static Decision HoldOutreachMeeting(Guid id, DateOnly date, Department? department, InstitutionType? institution, int participants, int actionCards, MemberRef actor)
    {
        if (OutreachRules.OnlyMembers(actor) is { } refusal) return refusal;
        if ((department is null) == (institution is null))
            return Refusal.Invalid("An outreach meeting is either internal (department) or external (institution type).");
        if (OutreachRules.Figures(participants, actionCards) is { } wrong) return wrong;
        return Decision.Accept(new OutreachMeetingHeld(id, date, department, institution, participants, actionCards, actor));
    }
}
