using Infohus.EventStore.Meetings;
using Infohus.Projections.Statistics;

namespace Infohus.Api.Statistics;

/// <summary>Reaction time of a concern level, shown only where enough cases stand behind it.</summary>
public sealed record ReactionTimeLine(string ConcernLevel, string Cases, double? MedianHours, double? Percentile90Hours);

/// <summary>Infohus meetings in one month: the plan asks for at least one a month (§3.1).</summary>
public sealed record MeetingMonth(string Month, int Monthly, int AdHoc);

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
    IReadOnlyList<MeetingMonth> Meetings,
    bool MetEveryMonth);

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

        var held = await session.Query<Meeting>().Where(m => m.Date >= fromDay && m.Date < toDay).ToListAsync(context.RequestAborted);
        var meetings = Enumerable.Range(0, 6).Select(fromDay.AddMonths).Select(month => new MeetingMonth($"{month:yyyy-MM}",
            held.Count(m => m.Kind == MeetingKind.Monthly && m.Date.Year == month.Year && m.Date.Month == month.Month),
            held.Count(m => m.Kind == MeetingKind.AdHoc && m.Date.Year == month.Year && m.Date.Month == month.Month))).ToList();

        if (StatisticsTables.WantsCsv(context))
        {
            var csv = StatisticsTables.Csv(tables) + "Reaction time, referral to assessment (hours)\r\nconcernLevel;cases;median;90th percentile\r\n" +
                string.Concat(reactionTimes.Select(r => $"{r.ConcernLevel};{r.Cases};{StatisticsTables.Number(r.MedianHours)};{StatisticsTables.Number(r.Percentile90Hours)}\r\n"));
            return StatisticsTables.CsvResult(csv, $"infohus-half-year-{year}-{half}.csv");
        }
        var freshness = await statistics.Queries.FreshnessAsync(statistics.Clock, context.RequestAborted);
        return Results.Ok(new HalfYearReport(year, half, fromDay, toDay, threshold, freshness, tables, reactionTimes,
            meetings, meetings.All(m => m.Monthly + m.AdHoc > 0)));
    }
}
