using Infohus.Api.Statistics;
using Infohus.Api.Web.Tilsyn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Styregruppe;

/// <summary>
/// Referrals of one half-year by one or two register dimensions: <c>GET /api/statistics</c>'s own code
/// (the same whole-half-year rule, the same small-cell protection), in Danish, with a chart and CSV.
/// </summary>
public class StatistikModel(StatisticsContext statistics) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Periode { get; set; }

    [BindProperty(SupportsGet = true, Name = "efter")]
    public string? Efter { get; set; }

    [BindProperty(SupportsGet = true, Name = "og")]
    public string? Og { get; set; }

    public IReadOnlyList<(int Year, int Half)> Perioder { get; private set; } = [];

    public IReadOnlyList<string> Dimensioner => [.. statistics.Dimensions.Select(d => d.Name)];

    public StatisticsAnswer? Svar { get; private set; }

    public Figur? Figur { get; private set; }

    public string Titel { get; private set; } = "Statistik";

    public async Task<IActionResult> OnGetAsync()
    {
        await Hent();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await Hent();
        if (Svar is null || Figur is null) return Page();
        return File(StatistikCsv.Skriv(Titel, [$"Periode: {StatistikOrd.Periode(Svar.From, Svar.To)} (dansk tid)",
                $"<5 er et tal fra 1 til {Svar.Threshold - 1}; .. er et tal der holdes tilbage, så et <5 ikke kan regnes ud."], [Figur]),
            StatistikCsv.ContentType, $"infohus-statistik-{Svar.From.Year}-{(Svar.From.Month == 1 ? 1 : 2)}.csv");
    }

    private async Task Hent()
    {
        var current = StatisticsContext.CurrentHalfYear(statistics.Clock.GetUtcNow());
        Perioder = [.. Enumerable.Range(0, 8).Select(i => { var index = current.Year * 2 + current.Half - 1 - i; return (index / 2, index % 2 + 1); })];
        Periode ??= $"{current.Year}-{current.Half}";
        if (string.IsNullOrEmpty(Efter)) return;

        // The picker's half-year as the API's period: from=YYYY-01-01&to=YYYY-07-01 (or July to January).
        string? from = null, to = null;
        if (Periode.Split('-') is [var y, var h] && int.TryParse(y, out var year) && int.TryParse(h, out var half) && HalfYear.IsValid(year, half))
        {
            var period = new HalfYear(year, half);
            (from, to) = ($"{period.From:yyyy-MM-dd}", $"{period.To:yyyy-MM-dd}");
        }
        else
        {
            ModelState.AddModelError("periode", "Vælg et halvår.");
            return;
        }
        if (Og == Efter)
        {
            ModelState.AddModelError("og", "Vælg to forskellige emner, eller kun ét.");
            return;
        }

        var by = string.IsNullOrEmpty(Og) ? Efter : $"{Efter},{Og}";
        var svar = ApiSvar.Of<StatisticsAnswer>(await GetStatisticsEndpoint.Get(HttpContext, statistics, from, to, by));
        if (!svar.Ok)
        {
            ModelState.AddModelError("", $"Statistikken kan ikke vises: {svar.Reason}");
            Response.StatusCode = svar.Status;
            return;
        }
        Svar = svar.Value!;
        Titel = $"Henvendelser {StatistikOrd.Halvaar(Svar.From.Year, Svar.From.Month == 1 ? 1 : 2)} efter {string.Join(" og ", Svar.Table.Dimensions.Select(d => StatistikOrd.Dimension(d).ToLowerInvariant()))}";
        Figur = Figur.Af("statistik", Titel, Svar.Table);
    }
}
