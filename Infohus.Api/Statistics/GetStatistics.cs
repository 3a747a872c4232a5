using Infohus.Projections.Statistics;

namespace Infohus.Api.Statistics;

public sealed record StatisticsAnswer(DateOnly From, DateOnly To, int Threshold, Freshness Freshness, StatisticsTable Table);

public static class GetStatisticsEndpoint
{
    /// <summary>Referrals of one half-year counted by one or two register dimensions, small cells protected.</summary>
    [WolverineGet("/api/statistics"), Authorize(Policy = Policies.Statistics)]
    public static async Task<IResult> Get(HttpContext context, StatisticsContext statistics, string? from = null, string? to = null, string? by = null)
    {
        var period = StatisticsContext.CurrentHalfYear(statistics.Clock.GetUtcNow());
        if (from is not null || to is not null)
        {
            if (from is null || !StatisticsContext.TryParseDay(from, out var fromDay)) return Problems.Invalid($"from is a date, yyyy-MM-dd. {HalfYear.Rule}");
            DateOnly? toDay = null;
            if (to is not null)
            {
                if (!StatisticsContext.TryParseDay(to, out var day)) return Problems.Invalid($"to is a date, yyyy-MM-dd (exclusive). {HalfYear.Rule}");
                toDay = day;
            }
            if (HalfYear.Of(fromDay, toDay) is not { } asked) return Problems.Invalid(HalfYear.Rule);
            period = asked;
        }

        var names = (by ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = statistics.Dimensions.Select(d => d.Name).ToList();
        if (names.Length is < 1 or > 2 || names.Any(n => !known.Contains(n)) || names.Distinct().Count() != names.Length)
            return Problems.Invalid($"by names one or two different dimensions: {string.Join(", ", known)}.");

        var first = statistics.Dimension(names[0]);
        var second = names.Length == 2 ? statistics.Dimension(names[1]) : null;
        var (counts, freshness) = await statistics.Queries.CountAsync(first, second,
            StatisticsContext.StartOf(period.From), StatisticsContext.StartOf(period.To), statistics.Clock, context.RequestAborted);
        var table = StatisticsTables.Build($"Referrals {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd} (exclusive) by {string.Join(" and ", names)}",
            first, second, counts, statistics.Threshold);

        if (StatisticsTables.WantsCsv(context))
            return StatisticsTables.CsvResult(StatisticsTables.Csv([table]), $"infohus-statistics-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv");
        return Results.Ok(new StatisticsAnswer(period.From, period.To, statistics.Threshold, freshness, table));
    }
}
