using Infohus.EventStore.Members;
using Infohus.EventStore.Outreach;

namespace Infohus.Api.Outreach;

/// <summary>
/// A recorded outreach item as it stands: its kind and coded figures, a meeting's latest correction
/// applied. Who recorded it is left out: outreach is counted, not attributed.
/// </summary>
public sealed record OutreachRecord(
    Guid Id,
    OutreachKind Kind,
    DateOnly Date,
    long Version,
    int? Participants = null,
    int? ActionCards = null,
    Department? Department = null,
    InstitutionType? Institution = null,
    string? Audience = null,
    string? Course = null,
    CourseProvider? Provider = null,
    AdviceTopic? Topic = null,
    ReferrerOrganisation? Organisation = null,
    AdviceOutcome? Outcome = null);

public enum OutreachKind { Meeting, Newsletter, Course, Advice }

public static class GetOutreachEndpoint
{
    /// <summary>Where a recorded outreach item's <c>Location</c> points.</summary>
    public static string PathOf(Guid id) => $"/api/outreach/{id}";

    [WolverineGet("/api/outreach/{id}"), Authorize(Policy = Policies.CaseWork)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext context)
    {
        var events = await session.Events.FetchStreamAsync(id, token: context.RequestAborted);
        OutreachRecord? record = null;
        foreach (var e in events)
        {
            record = e.Data switch
            {
                OutreachMeetingHeld held => new OutreachRecord(id, OutreachKind.Meeting, held.Date, e.Version, held.Participants, held.ActionCards,
                    held.Department, held.Institution),
                OutreachMeetingCorrected corrected when record is not null =>
                    record with { Version = e.Version, Participants = corrected.Participants, ActionCards = corrected.ActionCards },
                NewsletterSent newsletter => new OutreachRecord(id, OutreachKind.Newsletter, newsletter.Date, e.Version, Audience: newsletter.Audience),
                CourseTaken course => new OutreachRecord(id, OutreachKind.Course, course.Date, e.Version, Department: course.MemberDepartment,
                    Course: course.Course, Provider: course.Provider),
                AdviceGiven advice => new OutreachRecord(id, OutreachKind.Advice, advice.Date, e.Version, Department: advice.MemberDepartment,
                    Topic: advice.Topic, Organisation: advice.Organisation, Outcome: advice.Outcome),
                // A case's or a meeting's stream is no outreach record.
                _ => null
            };
            if (record is null) break;
        }
        return record is null ? Problems.NotFound("No outreach record has this id.") : Results.Ok(record);
    }
}

/// <summary>The information and dialogue meetings of a period as they stand: each one's latest correction replaces the figures first recorded (events are never changed).</summary>
public static class OutreachMeetings
{
    public static async Task<IReadOnlyList<OutreachMeetingHeld>> AsRecorded(IQuerySession session, DateOnly from, DateOnly to, CancellationToken cancellation)
    {
        var recorded = await session.Events.QueryRawEventDataOnly<OutreachMeetingHeld>().Where(m => m.Date >= from && m.Date < to).ToListAsync(cancellation);
        var ids = recorded.Select(m => m.Id).ToArray();
        var corrections = await session.Events.QueryAllRawEvents()
            .Where(e => Marten.Events.LinqExtensions.EventTypesAre(e, typeof(OutreachMeetingCorrected)) && e.StreamId.IsOneOf(ids))
            .OrderBy(e => e.Sequence).ToListAsync(cancellation);
        return AsRecorded([.. recorded, .. corrections.Select(e => e.Data)], from, to);
    }

    /// <summary>The same from outreach events already read, in the order they were stored.</summary>
    public static IReadOnlyList<OutreachMeetingHeld> AsRecorded(IReadOnlyList<object> events, DateOnly from, DateOnly to)
    {
        var latest = events.OfType<OutreachMeetingCorrected>().GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.Last());
        return [.. events.OfType<OutreachMeetingHeld>().Where(m => m.Date >= from && m.Date < to)
            .Select(m => latest.TryGetValue(m.Id, out var c) ? m with { Participants = c.Participants, ActionCards = c.ActionCards } : m)];
    }
}
