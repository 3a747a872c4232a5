using Infohus.Api.Statistics;
using Infohus.EventStore.Members;
using Infohus.EventStore.Outreach;
using Infohus.Projections.Register;
using Infohus.Projections.Statistics;

namespace Infohus.Api.Web.Tilsyn;

/// <summary>
/// The statistics in the plan's Danish words: dimensions, categories, totals and the report's tables.
/// One place for the page, its charts and its CSV, so the download says exactly what the page says.
/// A hidden count stays as the API shows it: <c>&lt;5</c> or <c>..</c>.
/// </summary>
public static class StatistikOrd
{
    public const string IAlt = "I alt";
    public const string Henvendelser = "Henvendelser";

    public static string Halvaar(int year, int half) => $"{(half == 1 ? "1. halvår" : "2. halvår")} {year}";

    // Invariant globalization (no ICU): the Danish month names are our own, as in Dansk.
    private static readonly string[] Months =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    public static string Dag(DateOnly day) => $"{day.Day}. {Months[day.Month - 1]} {day.Year}";

    public static string Periode(DateOnly from, DateOnly to) => $"{Dag(from)} til {Dag(to.AddDays(-1))}";

    public static string Dimension(string name) => name switch
    {
        "ageBand" => "Alder",
        "gender" => "Køn",
        "nationality" => "Nationalitet",
        "district" => "Distrikt",
        "family" => "Familie og netværk",
        "attachment" => "Tilknytning",
        "source" => "Afsender",
        "referrerOrganisation" => "Henviserens organisation",
        "receivingDepartment" => "Modtagende forvaltning",
        "ideology" => "Ideologi",
        "concernsExtremism" => "Handler om ekstremisme",
        "concernLevel" => "Bekymringsniveau",
        "tier" => "Forebyggelsesniveau",
        "coursePlan" => "Plan for forløbet",
        "petEaeReported" => "Indberettet til PET/EAE",
        "evaluation" => "Evaluering",
        "status" => "Status",
        "deadlineMissed" => "Reaktionsfrist overskredet",
        _ => name
    };

    /// <summary>A category of a dimension; a merged one ("a + b") is each part in Danish.</summary>
    public static string Kategori(string dimension, string code)
    {
        if (code.Contains(" + ", StringComparison.Ordinal))
            return string.Join(" + ", code.Split(" + ").Select(part => Kategori(dimension, part)));
        if (code == StatisticsTables.CountColumn) return Henvendelser;
        if (code == RegisterDimension.None) return dimension switch
        {
            "concernLevel" => "Ikke vurderet",
            "tier" => "Ikke vurderet",
            "evaluation" => "Ikke evalueret",
            "concernsExtremism" => "Ikke vurderet",
            "coursePlan" => "Ingen plan endnu",
            _ => "Ingen"
        };
        return dimension switch
        {
            "ageBand" => code == AgeBands.Unknown ? "Ukendt alder" : $"{code} år",
            "gender" => Ord<Gender>(code),
            "nationality" => Ord<NationalityGroup>(code),
            "district" => code.Length > 0 ? char.ToUpperInvariant(code[0]) + code[1..] : code,
            "family" => Ord<FamilyNetwork>(code),
            "attachment" => Ord<Attachment>(code),
            "source" => Ord<ReferralSource>(code),
            "referrerOrganisation" => Ord<ReferrerOrganisation>(code),
            "receivingDepartment" => Ord<Department>(code),
            "ideology" => Ord<IdeologyCategory>(code),
            "concernLevel" => Dansk.Niveau(code),
            "tier" => Ord<PreventionTier>(code),
            "coursePlan" => Forloeb(code),
            "evaluation" => Ord<EvaluationOutcome>(code),
            "status" => Ord<CaseStatus>(code),
            "concernsExtremism" or "petEaeReported" or "deadlineMissed" => code switch { "yes" => "Ja", "no" => "Nej", _ => code },
            _ => code
        };
    }

    /// <summary>The half-year report's tables, by their dimensions.</summary>
    public static string Titel(StatisticsTable table) => string.Join("/", table.Dimensions) switch
    {
        "source/tier" => "Henvendelser efter afsender og forebyggelsesniveau",
        "concernLevel" => "Bekymringsniveau ved vurderingen",
        "coursePlan" => "Plan for forløbet (videresendelser, vejledning, overdragelser, krisegrupper, vejledte borgere)",
        "petEaeReported" => "Indberettet til PET/EAE",
        "evaluation" => "Evaluering af forløbet",
        "status" => "Åbne og lukkede sager",
        "concernLevel/deadlineMissed" => "Overskredne reaktionsfrister efter bekymringsniveau",
        _ => string.Join(" og ", table.Dimensions.Select(Dimension))
    };

    /// <summary>The head of a table's first column: its dimensions in Danish.</summary>
    public static string Hoved(StatisticsTable table) => string.Join(" / ", table.Dimensions.Select(Dimension));

    public static string Raekke(StatisticsTable table, string label) => Kategori(table.Dimensions[0], label);

    public static string Kolonne(StatisticsTable table, string label) =>
        table.Dimensions.Count > 1 ? Kategori(table.Dimensions[1], label) : Kategori(table.Dimensions[0], label);

    public static string Forloeb(string code) => code switch
    {
        "none" => "Ingen plan endnu",
        "citizen-guidance" => "Borgeren vejledt",
        "redirection" => "Videresendt",
        "guidance" => "Vejledning (a)",
        "hand-over" => "Overdraget",
        "crisis-team" => "Krisegruppe (b)",
        _ => code
    };

    public static string Emne(string code) => code switch
    {
        "warning-signs" => "Tegn på bekymring",
        "talking-with-the-person" => "Samtalen med personen",
        "whether-to-refer" => "Om der skal henvises",
        "notification-duty" => "Underretningspligt",
        "information-sharing" => "Udveksling af oplysninger",
        "online-content" => "Indhold på nettet",
        "other" => "Andet",
        _ => code
    };

    public static string Udfald(string code) => code switch
    {
        "advice-given" => "Sparring givet",
        "became-referral" => "Blev til en henvendelse",
        _ => code
    };

    public static string Institution(string code) => code switch
    {
        "youth-education" => "Ungdomsuddannelse",
        "vocational-education" => "Erhvervsuddannelse",
        "school" => "Skole",
        "daycare" => "Dagtilbud",
        "housing" => "Boligområde",
        "association" => "Forening",
        "other" => "Andet",
        _ => code
    };

    public static string Udbyder(string code) => code switch
    {
        "ncfe" => "Nationalt Center for Forebyggelse af Ekstremisme",
        "siri" => "SIRI",
        "infohus-nordjylland" => "Infohus Nordjylland",
        "other" => "Andet",
        _ => code
    };

    public static string Forvaltning(string code) => Ord<Department>(code);

    /// <summary>"2026-03" as "Marts 2026".</summary>
    public static string Maaned(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? $"{char.ToUpperInvariant(Months[day.Month - 1][0])}{Months[day.Month - 1][1..]} {day.Year}"
            : month;

    /// <summary>Hours with a decimal comma: "12,5".</summary>
    public static string Timer(double? hours) => hours is { } h ? h.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') : "–";

    public static string Andel(double? share) => share is { } s ? (s * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>A kebab-case code as the API writes it, in the plan's Danish word.</summary>
    private static string Ord<T>(string code) where T : struct, Enum =>
        Enum.TryParse<T>(code.Replace("-", ""), ignoreCase: true, out var value) ? Dansk.Ord(value) : code;
}
