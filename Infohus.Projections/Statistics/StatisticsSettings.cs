namespace Infohus.Projections.Statistics;

/// <summary>Section <c>Infohus:Statistics</c>.</summary>
public sealed class StatisticsSettings
{
    public const string Section = "Infohus:Statistics";

    /// <summary>The smallest count shown (Statistics Denmark's practice: 5); never below 3.</summary>
    public int MinimumCellSize { get; set; } = 5;
}
