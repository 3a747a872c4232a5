using Infohus.EventStore.Meetings;
using Infohus.Api.Legal;
using Infohus.EventStore.Outreach;
using Infohus.Projections.Statistics;

namespace Infohus.Api.Statistics;

/// <summary>Reaction time of a concern level, shown only where enough cases stand behind it.</summary>
public sealed record ReactionTimeLine(string ConcernLevel, string Cases, double? MedianHours, double? Percentile90Hours);

/// <summary>Share of a concern level's cases handled within their reaction deadline; shown only where enough cases stand behind it.</summary>
public sealed record DeadlineShare(string ConcernLevel, string Cases, double? WithinDeadline);

/// <summary>Infohus meetings in one month: the plan asks for at least one a month (§3.1).</summary>
public sealed record MeetingMonth(string Month, int Monthly, int AdHoc);

/// <summary>Outreach to one audience: a department (internal) or an institution type (external).</summary>
public sealed record OutreachLine(string Audience, int Meetings, long Participants, long ActionCards);

public sealed record CourseLine(string Provider, int Courses);

/// <summary>The preventive work the steering group follows (§4.2.1, §5.2, §3.3). Staff activity, not persons: no suppression.</summary>
public sealed record OutreachFigures(
    IReadOnlyList<OutreachLine> ByDepartment,
    IReadOnlyList<OutreachLine> ByInstitution,
    int NewslettersInYear,
    string NewsletterTarget,
    bool NewsletterTargetMet,
    IReadOnlyList<CourseLine> Courses);

/// <summary>The figures the steering group follows up every half year (§3.1).</summary>
public sealed record HalfYearReport(
    int Year,
    int Half,
    DateOnly From,
    DateOnly To,
    int Threshold,
    Freshness Freshness,
    IReadOnlyList<StatisticsTable> Tables,
    IReadOnlyList<ReactionTimeLine> ReactionTimes,
    IReadOnlyList<DeadlineShare> DeadlineShares,
    IReadOnlyList<MeetingMonth> Meetings,
    bool MetEveryMonth,
    OutreachFigures Outreach);

public static class GetHalfYearReportEndpoint
{
    [WolverineGet("/api/statistics/half-years/{year}/{half}"), Authorize(Policy = Policies.Statistics)]
    public static async Task<IResult> Get(int year, int half, HttpContext context, StatisticsContext statistics, IQuerySession session)
    {
        if (year is < 2000 or > 2999 || half is not (1 or 2)) return Problems.Invalid("A half year is /{year}/1 (January–June) or /{year}/2 (July–December).");

        var fromDay = new DateOnly(year, half == 1 ? 1 : 7, 1);
        var toDay = fromDay.AddMonths(6);
        var (from, to) = (StatisticsContext.StartOf(fromDay), StatisticsContext.StartOf(toDay));
        var threshold = statistics.Threshold;

        async Task<StatisticsTable> Table(string title, string first, string? second = null)
        {
            var (a, b) = (statistics.Dimension(first), second is null ? null : statistics.Dimension(second));
            return StatisticsTables.Build(title, a, b, await statistics.Queries.CountAsync(a, b, from, to, context.RequestAborted), threshold);
        }

        StatisticsTable[] tables =
        [
            await Table("Referrals by source and prevention tier", "source", "tier"),
            await Table("Concern levels at assessment", "concernLevel"),
            await Table("Plan for the course (redirections, guidance, hand-overs, crisis teams)", "coursePlan"),
            await Table("Reported to PET/EAE", "petEaeReported"),
            await Table("Evaluation of the course", "evaluation"),
            await Table("Open and closed", "status"),
            await Table("Reaction deadlines missed, by concern level", "concernLevel", "deadlineMissed"),
        ];
        var reactionTimes = (await statistics.Queries.ReactionTimesAsync(from, to, context.RequestAborted))
            .Select(r => r.Cases >= threshold
                ? new ReactionTimeLine(r.ConcernLevel, r.Cases.ToString(), r.MedianHours, r.Percentile90Hours)
                : new ReactionTimeLine(r.ConcernLevel, $"<{threshold}", null, null))
            .OrderBy(r => r.ConcernLevel)
            .ToList();

        var level = statistics.Dimension("concernLevel");
        var deadlineCounts = await statistics.Queries.CountAsync(level, statistics.Dimension("deadlineMissed"), from, to, context.RequestAborted);
        var deadlineShares = level.Categories.Where(l => l != RegisterDimension.None).Select(l =>
        {
            var (within, missed) = (deadlineCounts.GetValueOrDefault((l, "no")), deadlineCounts.GetValueOrDefault((l, "yes")));
            var cases = within + missed;
            return cases >= threshold
                ? new DeadlineShare(l, cases.ToString(), Math.Round((double)within / cases, 3))
                : new DeadlineShare(l, cases == 0 ? "0" : $"<{threshold}", null);
        }).ToList();

        var held = await session.Query<Meeting>().Where(m => m.Date >= fromDay && m.Date < toDay).ToListAsync(context.RequestAborted);
        var meetings = Enumerable.Range(0, 6).Select(fromDay.AddMonths).Select(month => new MeetingMonth($"{month:yyyy-MM}",
            held.Count(m => m.Kind == MeetingKind.Monthly && m.Date.Year == month.Year && m.Date.Month == month.Month),
            held.Count(m => m.Kind == MeetingKind.AdHoc && m.Date.Year == month.Year && m.Date.Month == month.Month))).ToList();

        var outreach = await Outreach(session, fromDay, toDay, context.RequestAborted);

        if (StatisticsTables.WantsCsv(context))
        {
            var csv = StatisticsTables.Csv(tables) + "Reaction time, referral to assessment (hours)\r\nconcernLevel;cases;median;90th percentile\r\n" +
                string.Concat(reactionTimes.Select(r => $"{r.ConcernLevel};{r.Cases};{StatisticsTables.Number(r.MedianHours)};{StatisticsTables.Number(r.Percentile90Hours)}\r\n"));
            return StatisticsTables.CsvResult(csv, $"infohus-half-year-{year}-{half}.csv");
        }
        var freshness = await statistics.Queries.FreshnessAsync(statistics.Clock, context.RequestAborted);
        return Results.Ok(new HalfYearReport(year, half, fromDay, toDay, threshold, freshness, tables, reactionTimes, deadlineShares,
            meetings, meetings.All(m => m.Monthly + m.AdHoc > 0), outreach));
    }

    private static async Task<OutreachFigures> Outreach(IQuerySession session, DateOnly from, DateOnly to, CancellationToken cancellation)
    {
        var recorded = await session.Events.QueryRawEventDataOnly<OutreachMeetingHeld>().Where(m => m.Date >= from && m.Date < to).ToListAsync(cancellation);
        // A meeting's latest correction replaces the figures first recorded (events are never changed).
        var ids = recorded.Select(m => m.Id).ToArray();
        var corrections = (await session.Events.QueryAllRawEvents()
                .Where(e => Marten.Events.LinqExtensions.EventTypesAre(e, typeof(OutreachMeetingCorrected)) && e.StreamId.IsOneOf(ids))
                .OrderBy(e => e.Sequence).ToListAsync(cancellation))
            .Select(e => (OutreachMeetingCorrected)e.Data)
            .GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.Last());
        var held = recorded.Select(m => corrections.TryGetValue(m.Id, out var c) ? m with { Participants = c.Participants, ActionCards = c.ActionCards } : m).ToList();
        var yearStart = new DateOnly(from.Year, 1, 1);
        var newsletters = await session.Events.QueryRawEventDataOnly<NewsletterSent>()
            .Where(n => n.Date >= yearStart && n.Date < yearStart.AddYears(1)).CountAsync(cancellation);
        var courses = await session.Events.QueryRawEventDataOnly<CourseTaken>().Where(c => c.Date >= from && c.Date < to).ToListAsync(cancellation);

        static OutreachLine Line(string audience, IEnumerable<OutreachMeetingHeld> meetings) =>
            // Summed as long: figures stored before they were bounded may be as large as an int holds.
            new(audience, meetings.Count(), meetings.Sum(m => (long)m.Participants), meetings.Sum(m => (long)m.ActionCards));
        return new OutreachFigures(
            [.. held.Where(m => m.Department is not null).GroupBy(m => m.Department!.Value).OrderBy(g => g.Key).Select(g => Line(LegalCsv.Code(g.Key), g))],
            [.. held.Where(m => m.Institution is not null).GroupBy(m => m.Institution!.Value).OrderBy(g => g.Key).Select(g => Line(LegalCsv.Code(g.Key), g))],
            newsletters, $"{OutreachRules.NewslettersPerYearFrom}-{OutreachRules.NewslettersPerYearTo}", newsletters >= OutreachRules.NewslettersPerYearFrom,
            [.. courses.GroupBy(c => c.Provider).OrderBy(g => g.Key).Select(g => new CourseLine(LegalCsv.Code(g.Key), g.Count()))]);
    }
}
