using Infohus.Api.Statistics;
using Infohus.Api.Web.Tilsyn;
using Infohus.Projections.Statistics;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Styregruppe;

/// <summary>
/// The steering group's half-year report (§3.1) as a page: the figures of
/// <c>GET /api/statistics/half-years/{year}/{half}</c>, computed by that endpoint's own code (same
/// register counts, same small-cell protection), in Danish, with charts and a CSV download.
/// </summary>
public class IndexModel(StatisticsContext statistics, IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "aar")]
    public int? Aar { get; set; }

    [BindProperty(SupportsGet = true, Name = "halvaar")]
    public int? Halvaar { get; set; }

    /// <summary>The period picker's value, "2026-1".</summary>
    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Periode { get; set; }

    public HalfYearReport? Rapport { get; private set; }

    public IReadOnlyList<Figur> Figurer { get; private set; } = [];

    public string? Afvist { get; private set; }

    public string Titel => Rapport is { } r ? $"Halvårsrapport, {StatistikOrd.Halvaar(r.Year, r.Half)}" : "Halvårsrapport";

    public IReadOnlyList<(int Year, int Half)> Perioder { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await Hent();
        return Page();
    }

    /// <summary>The same report as CSV, under the page's Danish words.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var svar = await Hent();
        if (!svar.Ok) return Page();
        return File(StatistikCsv.Skriv(Titel, Forklaring(Rapport!), Figurer), StatistikCsv.ContentType,
            $"infohus-halvaarsrapport-{Rapport!.Year}-{Rapport.Half}.csv");
    }

    public static IEnumerable<string> Forklaring(HalfYearReport report) =>
    [
        $"Periode: {StatistikOrd.Periode(report.From, report.To)} (dansk tid)",
        $"<5 er et tal fra 1 til {report.Threshold - 1}; .. er et tal der holdes tilbage, så et <5 ikke kan regnes ud (mindst {report.Threshold}, undtagen i en tabel hvor alle felter er ..)."
    ];

    private async Task<ApiSvar<HalfYearReport>> Hent()
    {
        var current = StatisticsContext.CurrentHalfYear(statistics.Clock.GetUtcNow());
        if (Periode?.Split('-') is [var y, var h] && int.TryParse(y, out var py) && int.TryParse(h, out var ph)) (Aar, Halvaar) = (py, ph);
        var (year, half) = (Aar ?? current.Year, Halvaar ?? current.Half);
        Aar = year;
        Halvaar = half;
        Perioder = [.. Enumerable.Range(0, 8).Select(i => Tilbage(current, i))];

        var svar = await ApiSvar.Of<HalfYearReport>(GetHalfYearReportEndpoint.Get(year, half, HttpContext, statistics, session));
        if (!svar.Ok)
        {
            Afvist = $"Rapporten kan ikke vises: {svar.Reason}";
            Response.StatusCode = svar.Status;
            return svar;
        }
        Rapport = svar.Value!;
        Figurer = Figurer_(Rapport);
        return svar;
    }

    private static (int Year, int Half) Tilbage(HalfYear current, int steps)
    {
        var index = current.Year * 2 + (current.Half - 1) - steps;
        return (index / 2, index % 2 + 1);
    }

    private static IReadOnlyList<Figur> Figurer_(HalfYearReport report)
    {
        var figures = report.Tables.Select((t, i) => Figur.Af($"tabel-{i + 1}", StatistikOrd.Titel(t), t)).ToList();

        figures.Add(Figur.Tabel("reaktionstid", "Reaktionstid fra henvendelse til vurdering (timer)",
            ["Bekymringsniveau", "Sager", "Median (timer)", "90 %-fraktil (timer)"],
            report.ReactionTimes.Select(r => (IReadOnlyList<string>)[StatistikOrd.Kategori("concernLevel", r.ConcernLevel), r.Cases, StatistikOrd.Timer(r.MedianHours), StatistikOrd.Timer(r.Percentile90Hours)]),
            "Tider vises kun ud for et antal sager, der vises i tabellen over bekymringsniveauer."));

        figures.Add(Figur.Tabel("frister", "Sager behandlet inden for reaktionsfristen",
            ["Bekymringsniveau", "Sager", "Andel inden for fristen"],
            report.DeadlineShares.Select(d => (IReadOnlyList<string>)[StatistikOrd.Kategori("concernLevel", d.ConcernLevel), d.Cases, StatistikOrd.Andel(d.WithinDeadline)]),
            "Andelen vises fra 5 sager."));

        figures.Add(new Figur("moeder", "Infohusets møder pr. måned (mindst ét om måneden, §3.1)",
            ["Måned", "Månedlige møder", "Ad hoc-møder", StatistikOrd.IAlt],
            [.. report.Meetings.Select(m => (IReadOnlyList<string>)[StatistikOrd.Maaned(m.Month), $"{m.Monthly}", $"{m.AdHoc}", $"{m.Monthly + m.AdHoc}"])],
            null,
            [.. report.Meetings.Select(m => new Charts.Bar(StatistikOrd.Maaned(m.Month), $"{m.Monthly + m.AdHoc}"))],
            report.MetEveryMonth ? "Infohuset har mødtes hver måned i halvåret." : "Infohuset har ikke mødtes hver måned i halvåret."));

        var outreach = report.Outreach;
        figures.Add(Figur.Tabel("oplysning-forvaltning", "Informations- og dialogmøder i forvaltningerne",
            ["Forvaltning", "Møder", "Deltagere", "Action Cards"],
            outreach.ByDepartment.Select(o => (IReadOnlyList<string>)[StatistikOrd.Forvaltning(o.Audience), $"{o.Meetings}", $"{o.Participants}", $"{o.ActionCards}"])));
        figures.Add(Figur.Tabel("oplysning-institution", "Informations- og dialogmøder med institutioner",
            ["Institutionstype", "Møder", "Deltagere", "Action Cards"],
            outreach.ByInstitution.Select(o => (IReadOnlyList<string>)[StatistikOrd.Institution(o.Audience), $"{o.Meetings}", $"{o.Participants}", $"{o.ActionCards}"])));
        figures.Add(Figur.Tabel("nyhedsbreve", "Nyhedsbreve i kalenderåret",
            ["Nyhedsbreve", "Mål pr. år", "Målet er nået"],
            [[$"{outreach.NewslettersInYear}", outreach.NewsletterTarget.Replace("-", "–"), outreach.NewsletterTargetMet ? "Ja" : "Nej"]]));
        figures.Add(Figur.Tabel("kurser", "Medlemmernes kurser efter udbyder",
            ["Udbyder", "Kurser"],
            outreach.Courses.Select(c => (IReadOnlyList<string>)[StatistikOrd.Udbyder(c.Provider), $"{c.Courses}"])));

        var advice = report.Advice;
        figures.Add(Figur.Tabel("sparring-emne", $"Sparring med kolleger efter emne ({advice.Total} i alt)",
            ["Emne", "Sparring"],
            advice.ByTopic.Select(a => (IReadOnlyList<string>)[StatistikOrd.Emne(a.Code), $"{a.Advice}"]),
            "Sparring er medarbejdernes aktivitet, ikke personer; den vises aldrig pr. organisation.", soejler: true));
        figures.Add(Figur.Tabel("sparring-udfald", "Sparring med kolleger efter udfald",
            ["Udfald", "Sparring"],
            advice.ByOutcome.Select(a => (IReadOnlyList<string>)[StatistikOrd.Udfald(a.Code), $"{a.Advice}"])));
        return figures;
    }
}
