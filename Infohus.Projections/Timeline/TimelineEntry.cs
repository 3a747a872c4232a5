using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.Projections.Timeline;

/// <summary>
/// One line of a case's course, one per event (rendered from the event, never stored): when it happened and when it was recorded, who, what
/// in a sentence (codes only), and the step's personal text still sealed, opened at read time.
/// </summary>
public sealed record TimelineEntry(
    Guid Id,
    Guid CaseId,
    long Version,
    string Kind,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string ActorUserId,
    Role? ActorRole,
    Department? ActorDepartment,
    string Sentence,
    PersonalText? Text);
