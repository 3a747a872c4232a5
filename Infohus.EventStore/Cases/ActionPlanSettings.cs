namespace Infohus.EventStore.Cases;

/// <summary>
/// One step of the concern-level staircase beside the prevention triangle (§4): how fast the Infohus
/// must react. The plan names the staircase without numbers; these are our defaults.
/// </summary>
public sealed record ConcernLevel(string Code, string Name, TimeSpan ReactionTime);

/// <summary>
/// The parts of the action plan that live in appendices outside the seed, so each Infohus configures
/// them (section <c>Infohus:ActionPlan</c>): the concern levels and the districts of the municipality.
/// </summary>
public sealed class ActionPlanSettings
{
    public const string Section = "Infohus:ActionPlan";

    public List<ConcernLevel> ConcernLevels { get; set; } = [];

    public List<string> Districts { get; set; } = [];

    /// <summary>How long a new referral may wait for its assessment (the next monthly meeting at the latest).</summary>
    public TimeSpan IntakeReactionTime { get; set; } = TimeSpan.FromDays(31);

    /// <summary>How long the step after an assessment may wait: the level's reaction time.</summary>
    public TimeSpan ReactionTimeFor(string? level) =>
        ConcernLevels.FirstOrDefault(l => l.Code == level)?.ReactionTime ?? IntakeReactionTime;

    public static ActionPlanSettings Defaults() => new()
    {
        ConcernLevels =
        [
            new("acute", "Acute: same day", TimeSpan.FromHours(8)),
            new("high", "High: within 24 hours", TimeSpan.FromHours(24)),
            new("moderate", "Moderate: within 7 days", TimeSpan.FromDays(7)),
            new("low", "Low: next monthly meeting, at most 31 days", TimeSpan.FromDays(31))
        ],
        // Hjørring Municipality's towns and areas; "other" keeps the register coarse where needed.
        Districts = ["hjoerring", "hirtshals", "sindal", "vraa", "taars", "loekken", "bindslev", "tversted", "rural", "other", "unknown"]
    };

    public bool KnowsLevel(string code) => ConcernLevels.Any(l => l.Code == code);

    public bool KnowsDistrict(string code) => Districts.Contains(code);
}
