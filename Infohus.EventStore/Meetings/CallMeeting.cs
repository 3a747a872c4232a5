using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.EventStore.Meetings;

/// <summary>Members and the coordinator call an Infohus meeting, monthly or ad hoc (§3.1); it starts the meeting's stream.</summary>
public static class CallMeetingStep
{
    public static Decision CallMeeting(Guid meetingId, MeetingKind kind, DateOnly date, IReadOnlyList<Department> attendees, MemberRef actor)
    {
        if (actor.Role is not (Role.Member or Role.Coordinator))
            return Refusal.Forbidden("Only Infohus members and the coordinator call meetings.");
        if (attendees.Count == 0) return Refusal.Invalid("Name the departments attending.");
        return Decision.Accept(new MeetingCalled(meetingId, kind, date, [.. attendees.Distinct()], actor));
    }
}
