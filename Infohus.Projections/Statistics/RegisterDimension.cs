using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;
using Infohus.Projections.Register;

namespace Infohus.Projections.Statistics;

/// <summary>
/// A dimension of the anonymous register the statistics can count by: its name in the API, its field
/// in the stored register, and every category it has (so a table shows its zeros too).
/// </summary>
public sealed record RegisterDimension(string Name, string Field, IReadOnlyList<string> Categories)
{
    public const string None = "none";

    /// <summary>The register's typed column for this dimension (the field in snake case), so counting never parses JSON.</summary>
    public string Column => ColumnOf(Field);

    public static string ColumnOf(string field) =>
        string.Concat(field.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Every register field the statistics count by.</summary>
    public static IReadOnlyList<string> CountedFields { get; } = [.. All(new AgeBands([0, 18]), [], []).Select(d => d.Field)];

    /// <summary>The category of a stored value: enum names become kebab-case words, a missing value "none".</summary>
    public string CategoryOf(string? stored) => stored switch
    {
        null => None,
        "true" => "yes",
        "false" => "no",
        _ => Kebab(stored)
    };

    public static IReadOnlyList<RegisterDimension> All(AgeBands ages, IReadOnlyList<string> districts, IReadOnlyList<string> concernLevels) =>
    [
        new("ageBand", "ageBand", ages.Labels),
        Of<Gender>("gender"),
        Of<NationalityGroup>("nationality"),
        new("district", "district", districts),
        Of<FamilyNetwork>("family"),
        Of<Attachment>("attachment"),
        Of<ReferralSource>("source"),
        Of<ReferrerOrganisation>("referrerOrganisation"),
        Of<Department>("receivingDepartment"),
        Of<IdeologyCategory>("ideology"),
        new("concernsExtremism", "concernsExtremism", ["yes", "no", None]),
        new("concernLevel", "concernLevel", [.. concernLevels, None]),
        new("tier", "tier", [.. Kebabs<PreventionTier>(), None]),
        Of<CoursePlan>("coursePlan"),
        new("petEaeReported", "petEaeReported", ["yes", "no"]),
        new("evaluation", "evaluation", [.. Kebabs<EvaluationOutcome>(), None]),
        Of<CaseStatus>("status"),
        new("deadlineMissed", "deadlineMissed", ["yes", "no"]),
    ];

    private static RegisterDimension Of<T>(string name) where T : struct, Enum => new(name, name, Kebabs<T>());

    private static IReadOnlyList<string> Kebabs<T>() where T : struct, Enum => [.. Enum.GetNames<T>().Select(Kebab)];

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
