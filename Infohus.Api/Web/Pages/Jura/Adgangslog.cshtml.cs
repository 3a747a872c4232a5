using Infohus.Api.Legal;
using Infohus.Api.Web.Tilsyn;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Jura;

/// <summary>The access log: <c>GET /api/access-log</c>'s own code and filters (case, user, period), in Danish, with CSV.</summary>
public class AdgangslogModel(IQuerySession session) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "sag")] public string? Sag { get; set; }
    [BindProperty(SupportsGet = true, Name = "bruger")] public string? Bruger { get; set; }
    [BindProperty(SupportsGet = true, Name = "fra")] public string? Fra { get; set; }
    [BindProperty(SupportsGet = true, Name = "til")] public string? Til { get; set; }
    [BindProperty(SupportsGet = true, Name = "side")] public int Side { get; set; } = 1;

    public AccessPage? Log { get; private set; }

    /// <summary>The case asked for, by its reference (or id when it has none).</summary>
    public string? SagensNavn { get; private set; }

    public IReadOnlyDictionary<Guid, string> Referencer { get; private set; } = new Dictionary<Guid, string>();

    public static readonly string[] Kolonner = ["Tidspunkt", "Sag", "Bruger", "Rolle", "Forvaltning", "Læst", "Formål"];

    /// <summary>An access request names one case; the whole log may be filtered by any of the fields.</summary>
    protected virtual bool SagKraeves => false;

    protected virtual string Filnavn => "infohus-adgangslog";

    public async Task<IActionResult> OnGetAsync()
    {
        await Hent();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await Hent();
        if (Log is null) return Page();
        return File(System.Text.Encoding.UTF8.GetBytes(LegalCsv.Write(Kolonner, Log.Items.Select(Raekke))), StatistikCsv.ContentType,
            SagensNavn is null ? $"{Filnavn}.csv" : $"{Filnavn}-{SagensNavn}.csv");
    }

    public IReadOnlyList<string> Raekke(AccessLogEntry e) =>
        [Dansk.Kort(e.ReadAt), SagOpslag.Navn(Referencer, e.CaseId), e.UserId, JuraOrd.Rolle(e.Role), JuraOrd.Forvaltning(e.Department), JuraOrd.Laest(e.Endpoint), e.Purpose];

    private async Task Hent()
    {
        Guid? caseId = null;
        if (!string.IsNullOrWhiteSpace(Sag))
        {
            if (await SagOpslag.Find(session, Sag, HttpContext.RequestAborted) is not { } found)
            {
                ModelState.AddModelError("sag", "Ingen sag har dette nummer.");
                return;
            }
            caseId = found.Id;
            SagensNavn = found.Reference ?? found.Id.ToString();
        }
        else if (SagKraeves)
        {
            if (Request.Query.ContainsKey("sag")) ModelState.AddModelError("sag", "Skriv sagens nummer.");
            return;
        }
        if (!string.IsNullOrWhiteSpace(Fra) && SagOpslag.Dag(Fra) is null) ModelState.AddModelError("fra", "Vælg en gyldig dato.");
        if (!string.IsNullOrWhiteSpace(Til) && SagOpslag.Dag(Til) is null) ModelState.AddModelError("til", "Vælg en gyldig dato.");
        if (!ModelState.IsValid) return;

        var svar = ApiSvar.Of<AccessPage>(await GetAccessLogEndpoint.Get(session, HttpContext, caseId, Bruger?.Trim(),
            SagOpslag.Dag(Fra), SagOpslag.Dag(Til, dagenEfter: true), Side, PageSize));
        if (!svar.Ok)
        {
            ModelState.AddModelError("", $"Loggen kan ikke vises: {svar.Reason}");
            Response.StatusCode = svar.Status;
            return;
        }
        Log = svar.Value!;
        Referencer = await SagOpslag.References(session, Log.Items.Select(i => i.CaseId), HttpContext.RequestAborted);
    }
}
