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

    /// <summary>The half-year the Danish date <paramref name="now"/> falls in.</summary>
    public static HalfYear CurrentHalfYear(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Denmark).DateTime);
        return new HalfYear(today.Year, today.Month <= 6 ? 1 : 2);
    }
}

/// <summary>
/// The only period the statistics are published for (README, "Statistics"): January–June or
/// July–December. Half-years never overlap, so no two answers can be subtracted to single out the
/// referrals of a shorter period; the steering group follows up every half year (§3.1).
/// </summary>
public sealed record HalfYear(int Year, int Half)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2999;

    public const string Rule = "Statistics are published for whole half-years only: from=YYYY-01-01&to=YYYY-07-01 or from=YYYY-07-01&to=(YYYY+1)-01-01, years 2000-2999.";

    public DateOnly From => new(Year, Half == 1 ? 1 : 7, 1);

    /// <summary>Exclusive.</summary>
    public DateOnly To => From.AddMonths(6);

    public static bool IsValid(int year, int half) => year is >= FirstYear and <= LastYear && half is 1 or 2;

    /// <summary>The half-year that starts on <paramref name="from"/> and ends before <paramref name="to"/> (when given).</summary>
    public static HalfYear? Of(DateOnly from, DateOnly? to)
    {
        if (from.Day != 1 || from.Month is not (1 or 7) || !IsValid(from.Year, from.Month == 1 ? 1 : 2)) return null;
        var half = new HalfYear(from.Year, from.Month == 1 ? 1 : 2);
        return to is null || to == half.To ? half : null;
    }
}
