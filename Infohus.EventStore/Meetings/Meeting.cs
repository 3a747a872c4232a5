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
}
