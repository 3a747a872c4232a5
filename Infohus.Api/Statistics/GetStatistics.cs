using Infohus.Projections.Statistics;

namespace Infohus.Api.Statistics;

public sealed record StatisticsAnswer(DateOnly From, DateOnly To, int Threshold, Freshness Freshness, StatisticsTable Table);

public static class GetStatisticsEndpoint
{
    /// <summary>Referrals in [from, to) counted by one or two register dimensions, small cells protected.</summary>
    [WolverineGet("/api/statistics"), Authorize(Policy = Policies.Statistics)]
    public static async Task<IResult> Get(HttpContext context, StatisticsContext statistics, string? from = null, string? to = null, string? by = null)
    {
        var today = DateOnly.FromDateTime(statistics.Clock.GetUtcNow().UtcDateTime);
        var fromDay = new DateOnly(today.Year, 1, 1);
        var toDay = today.AddDays(1);
        if (from is not null && !StatisticsContext.TryParseDay(from, out fromDay)) return Problems.Invalid("from is a date: yyyy-MM-dd.");
        if (to is not null && !StatisticsContext.TryParseDay(to, out toDay)) return Problems.Invalid("to is a date: yyyy-MM-dd (exclusive).");
        if (toDay <= fromDay) return Problems.Invalid("to comes after from.");

        var names = (by ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = statistics.Dimensions.Select(d => d.Name).ToList();
        if (names.Length is < 1 or > 2 || names.Any(n => !known.Contains(n)) || names.Distinct().Count() != names.Length)
            return Problems.Invalid($"by names one or two different dimensions: {string.Join(", ", known)}.");

        var first = statistics.Dimension(names[0]);
        var second = names.Length == 2 ? statistics.Dimension(names[1]) : null;
        var counts = await statistics.Queries.CountAsync(first, second,
            StatisticsContext.StartOf(fromDay), StatisticsContext.StartOf(toDay), context.RequestAborted);
        var table = StatisticsTables.Build($"Referrals {fromDay:yyyy-MM-dd} to {toDay:yyyy-MM-dd} (exclusive) by {string.Join(" and ", names)}",
            first, second, counts, statistics.Threshold);

        if (StatisticsTables.WantsCsv(context))
            return StatisticsTables.CsvResult(StatisticsTables.Csv([table]), $"infohus-statistics-{fromDay:yyyyMMdd}-{toDay:yyyyMMdd}.csv");
        var freshness = await statistics.Queries.FreshnessAsync(statistics.Clock, context.RequestAborted);
        return Results.Ok(new StatisticsAnswer(fromDay, toDay, statistics.Threshold, freshness, table));
    }
}
