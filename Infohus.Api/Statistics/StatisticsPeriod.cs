using System.Globalization;
using Infohus.Projections.Register;
using Infohus.Projections.Statistics;
using Microsoft.Extensions.Options;

namespace Infohus.Api.Statistics;

/// <summary>What every statistics read needs: the dimensions as configured, the threshold, the period in Danish time.</summary>
public sealed class StatisticsContext(
    IOptions<ActionPlanSettings> plan, IOptions<RegisterSettings> register, IOptions<StatisticsSettings> statistics, RegisterStatistics queries, TimeProvider clock)
{
    private static readonly TimeZoneInfo Denmark = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public IReadOnlyList<RegisterDimension> Dimensions { get; } = RegisterDimension.All(
        register.Value.Bands(), plan.Value.Districts, [.. plan.Value.ConcernLevels.Select(l => l.Code)]);

    public int Threshold => statistics.Value.MinimumCellSize;

    public RegisterStatistics Queries => queries;

    public TimeProvider Clock => clock;

    public RegisterDimension Dimension(string name) => Dimensions.Single(d => d.Name == name);

    /// <summary>Midnight in Denmark at the start of the day.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Denmark.GetUtcOffset(local));
    }

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
