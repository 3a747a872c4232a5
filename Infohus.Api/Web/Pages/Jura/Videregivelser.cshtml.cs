using Infohus.Api.Legal;
using Infohus.Api.Web.Tilsyn;
using Infohus.EventStore.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Jura;

/// <summary>
/// The §115 disclosure log: <c>GET /api/disclosures</c>'s own code with the same filters, and the same
/// access log (the necessity texts are personal: a purpose is asked, and each case on the page is logged).
/// </summary>
public class VideregivelserModel(IQuerySession session, PersonalDataProtection protection) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "fra")] public string? Fra { get; set; }
    [BindProperty(SupportsGet = true, Name = "til")] public string? Til { get; set; }
    [BindProperty(SupportsGet = true, Name = "modtager")] public string? Modtager { get; set; }
    [BindProperty(SupportsGet = true, Name = "sag")] public string? Sag { get; set; }
    [BindProperty(SupportsGet = true, Name = "formaal")] public string? Formaal { get; set; }
    [BindProperty(SupportsGet = true, Name = "side")] public int Side { get; set; } = 1;

    public DisclosurePage? Log { get; private set; }

    public IReadOnlyDictionary<Guid, string> Referencer { get; private set; } = new Dictionary<Guid, string>();

    public static readonly string[] Kolonner =
        ["Tidspunkt", "Sag", "Videregivet af", "Forvaltning", "Modtagertype", "Modtager", "Modtagerens funktion", "Samarbejde", "Bestemmelse", "Formål", "Kategorier", "Nødvendighed"];

    public async Task<IActionResult> OnGetAsync()
    {
        await Hent();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await Hent();
        if (Log is null) return Page();
        return File(System.Text.Encoding.UTF8.GetBytes(LegalCsv.Write(Kolonner, Log.Items.Select(Raekke))), StatistikCsv.ContentType, "infohus-videregivelser.csv");
    }

    public IReadOnlyList<string> Raekke(DisclosureLine d) =>
    [
        Dansk.Kort(d.DisclosedAt), SagOpslag.Navn(Referencer, d.CaseId), d.DisclosedBy.UserId, Dansk.Ord(d.DisclosedBy.Department),
        JuraOrd.Modtager(d.Recipient.Type), d.Recipient.Name, d.Recipient.Role, JuraOrd.Samarbejde(d.Basis.Cooperation),
        JuraOrd.Bestemmelse(d.Basis.Provision), JuraOrd.Formaal(d.Basis.Purpose), string.Join(", ", d.Categories.Select(JuraOrd.Kategori)), d.Necessity
    ];

    private async Task Hent()
    {
        if (string.IsNullOrWhiteSpace(Formaal))
        {
            if (Request.Query.ContainsKey("formaal")) ModelState.AddModelError("formaal", "Skriv hvorfor du læser videregivelserne: nødvendighedsteksterne er personoplysninger, og læsningen logges pr. sag.");
            return;
        }
        Guid? caseId = null;
        if (!string.IsNullOrWhiteSpace(Sag))
        {
            if (await SagOpslag.Find(session, Sag, HttpContext.RequestAborted) is not { } found)
            {
                ModelState.AddModelError("sag", "Ingen sag har dette nummer.");
                return;
            }
            caseId = found.Id;
        }
        if (!string.IsNullOrWhiteSpace(Fra) && SagOpslag.Dag(Fra) is null) ModelState.AddModelError("fra", "Vælg en gyldig dato.");
        if (!string.IsNullOrWhiteSpace(Til) && SagOpslag.Dag(Til) is null) ModelState.AddModelError("til", "Vælg en gyldig dato.");
        if (!ModelState.IsValid) return;

        CasePurposes.State(HttpContext, Formaal);
        var svar = ApiSvar.Of<DisclosurePage>(await GetDisclosureLogEndpoint.Get(session, HttpContext, protection,
            SagOpslag.Dag(Fra), SagOpslag.Dag(Til, dagenEfter: true), Modtager, caseId, Side, PageSize));
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
