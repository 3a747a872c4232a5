using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.EventStore.Meetings;

/// <summary>The Infohus meets at least once a month, or ad hoc for a concrete case (§3.1).</summary>
public enum MeetingKind { Monthly, AdHoc }

/// <summary>An Infohus meeting called for a date, with the departments attending.</summary>
public sealed record MeetingCalled(Guid MeetingId, MeetingKind Kind, DateOnly Date, IReadOnlyList<Department> Attendees, MemberRef CalledBy);

/// <summary>A meeting as the agenda and the steering group's report see it.</summary>
public sealed record Meeting(Guid Id, MeetingKind Kind, DateOnly Date, IReadOnlyList<Department> Attendees)
{
    public static Meeting Create(MeetingCalled e) => new(e.MeetingId, e.Kind, e.Date, e.Attendees);

    public static Decision Call(Guid meetingId, MeetingKind kind, DateOnly date, IReadOnlyList<Department> attendees, MemberRef actor)
    {
        if (actor.Role is not (Role.Member or Role.Coordinator))
            return Refusal.Forbidden("Only Infohus members and the coordinator call meetings.");
        if (attendees.Count == 0) return Refusal.Invalid("Name the departments attending.");
        return Decision.Accept(new MeetingCalled(meetingId, kind, date, [.. attendees.Distinct()], actor));
    }
}
