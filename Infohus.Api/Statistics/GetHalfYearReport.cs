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

/// <summary>Advice to colleagues (sparring) with one code: a topic or an outcome.</summary>
public sealed record AdviceLine(string Code, int Advice);

/// <summary>
/// Sparring: staff activity, counted per topic and per outcome, never per organisation (one school or
/// daycare asking could be recognised) and never crossed, so no count narrows to a colleague. No person is in it.
/// </summary>
public sealed record AdviceFigures(int Total, IReadOnlyList<AdviceLine> ByTopic, IReadOnlyList<AdviceLine> ByOutcome);

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
    OutreachFigures Outreach,
    AdviceFigures Advice);

public static class GetHalfYearReportEndpoint
{
    [WolverineGet("/api/statistics/half-years/{year}/{half}"), Authorize(Policy = Policies.Statistics)]
    public static async Task<IResult> Get(int year, int half, HttpContext context, StatisticsContext statistics, IQuerySession session)
    {
        if (!HalfYear.IsValid(year, half)) return Problems.Invalid("A half year is /{year}/1 (January–June) or /{year}/2 (July–December), years 2000–2999.");

        var period = new HalfYear(year, half);
        var (fromDay, toDay) = (period.From, period.To);
        var (from, to) = (StatisticsContext.StartOf(fromDay), StatisticsContext.StartOf(toDay));
        var threshold = statistics.Threshold;

        async Task<StatisticsTable> Table(string title, string first, string? second = null)
        {
            var (a, b) = (statistics.Dimension(first), second is null ? null : statistics.Dimension(second));
            return StatisticsTables.Build(title, a, b, await statistics.Queries.CountAsync(a, b, from, to, context.RequestAborted), threshold);
        }

        var levels = await Table("Concern levels at assessment", "concernLevel");
        var deadlines = await Table("Reaction deadlines missed, by concern level", "concernLevel", "deadlineMissed");
        StatisticsTable[] tables =
        [
            await Table("Referrals by source and prevention tier", "source", "tier"),
            levels,
            await Table("Plan for the course (redirections, guidance, hand-overs, crisis teams, citizens guided)", "coursePlan"),
            await Table("Reported to PET/EAE", "petEaeReported"),
            await Table("Evaluation of the course", "evaluation"),
            await Table("Open and closed", "status"),
            deadlines,
        ];

        // A concern level's number of cases is the protected count of the levels' table, never a count
        // of its own: the reaction times and deadline shares add no figure an outsider could subtract.
        var levelCases = levels.Rows.ToDictionary(r => r.Label, r => r.Cells[0]);
        var hours = (await statistics.Queries.ReactionTimesAsync(from, to, context.RequestAborted)).ToDictionary(r => r.ConcernLevel);
        var reactionTimes = hours.Keys.Order(StringComparer.Ordinal)
            .Select(l => int.TryParse(levelCases.GetValueOrDefault(l), out _)
                ? new ReactionTimeLine(l, levelCases[l], hours[l].MedianHours, hours[l].Percentile90Hours)
                : new ReactionTimeLine(l, levelCases.GetValueOrDefault(l, SmallCells.Secondary), null, null))
            .ToList();

        var missedColumn = deadlines.Columns.ToList().IndexOf("no");
        var deadlineShares = statistics.Dimension("concernLevel").Categories.Where(l => l != RegisterDimension.None).Select(l =>
        {
            var cases = levelCases.GetValueOrDefault(l, "0");
            var row = deadlines.Rows.FirstOrDefault(r => r.Label == l);
            return row is not null && missedColumn >= 0 && int.TryParse(row.Total, out var all) && all > 0 && int.TryParse(row.Cells[missedColumn], out var within)
                ? new DeadlineShare(l, cases, Math.Round((double)within / all, 3))
                : new DeadlineShare(l, cases, null);
        }).ToList();

        var held = await session.Query<Meeting>().Where(m => m.Date >= fromDay && m.Date < toDay).ToListAsync(context.RequestAborted);
        var meetings = Enumerable.Range(0, 6).Select(fromDay.AddMonths).Select(month => new MeetingMonth($"{month:yyyy-MM}",
            held.Count(m => m.Kind == MeetingKind.Monthly && m.Date.Year == month.Year && m.Date.Month == month.Month),
            held.Count(m => m.Kind == MeetingKind.AdHoc && m.Date.Year == month.Year && m.Date.Month == month.Month))).ToList();

        var outreach = await Outreach(session, fromDay, toDay, context.RequestAborted);

        if (StatisticsTables.WantsCsv(context))
        {
            var csv = new System.Text.StringBuilder(StatisticsTables.Csv(tables))
                .Line(["Reaction time, referral to assessment (hours)"])
                .Line(["concernLevel", "cases", "median", "90th percentile"]);
            foreach (var r in reactionTimes)
                csv.Line([r.ConcernLevel, r.Cases, StatisticsTables.Number(r.MedianHours), StatisticsTables.Number(r.Percentile90Hours)]);
            return StatisticsTables.CsvResult(csv.ToString(), $"infohus-half-year-{year}-{half}.csv");
        }
        var freshness = await statistics.Queries.FreshnessAsync(statistics.Clock, context.RequestAborted);
        return Results.Ok(new HalfYearReport(year, half, fromDay, toDay, threshold, freshness, tables, reactionTimes, deadlineShares,
            meetings, meetings.All(m => m.Monthly + m.AdHoc > 0), outreach, await Advice(session, fromDay, toDay, context.RequestAborted)));
    }

    private static async Task<AdviceFigures> Advice(IQuerySession session, DateOnly from, DateOnly to, CancellationToken cancellation)
    {
        var given = await session.Events.QueryRawEventDataOnly<AdviceGiven>().Where(a => a.Date >= from && a.Date < to).ToListAsync(cancellation);
        // Every code is listed, zeros included, so the report reads the same whatever was asked.
        return new AdviceFigures(given.Count,
            [.. Enum.GetValues<AdviceTopic>().Select(t => new AdviceLine(LegalCsv.Code(t), given.Count(a => a.Topic == t)))],
            [.. Enum.GetValues<AdviceOutcome>().Select(o => new AdviceLine(LegalCsv.Code(o), given.Count(a => a.Outcome == o)))]);
    }

    private static async Task<OutreachFigures> Outreach(IQuerySession session, DateOnly from, DateOnly to, CancellationToken cancellation)
    {
        var held = await Infohus.Api.Outreach.OutreachMeetings.AsRecorded(session, from, to, cancellation);
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
