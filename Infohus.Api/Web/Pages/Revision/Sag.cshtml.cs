using Infohus.Api.Cases.Reading;
using Infohus.Api.Legal;
using Infohus.Api.Security;
using Infohus.EventStore.PersonalData;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Infohus.Api.Web.Tilsyn;

namespace Infohus.Api.Web.Pages.Revision;

/// <summary>
/// An auditor replays a case: every stored event (<c>GET /api/cases/{id}/events</c>'s own code) and
/// the case as it stood at a chosen version (<c>GET /api/cases/{id}?asOfVersion=</c>'s own code), each
/// read access-logged with the purpose stated for the case. Case-read: auditors (never legal).
/// </summary>
[Authorize(Policy = Policies.CaseRead)]
public class SagModel(IDocumentSession session, PersonalDataProtection protection, CasePurposes purposes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "version")] public long? Version { get; set; }

    [BindProperty] public string? Formaal { get; set; }

    public Guid Id { get; private set; }

    public string? Purpose { get; private set; }

    public IReadOnlyList<StoredEvent> Haendelser { get; private set; } = [];

    public CaseView? Sagen { get; private set; }

    public long Seneste => Haendelser.Count == 0 ? 0 : Haendelser[^1].Version;

    public string Navn => Sagen?.State.Reference ?? Id.ToString();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        Purpose = purposes.For(HttpContext, id);
        if (Purpose is null) return Page();
        CasePurposes.State(HttpContext, Purpose);

        var events = ApiSvar.Of<IEnumerable<StoredEvent>>(await GetEventsEndpoint.Get(id, session, HttpContext));
        if (!events.Ok) return Afvist(events.Status, events.Reason);
        Haendelser = [.. events.Value!];

        var view = ApiSvar.Of<CaseView>(await GetCaseEndpoint.Get(id, session, HttpContext, protection, asOfVersion: Version ?? Seneste));
        if (!view.Ok) return Afvist(view.Status, view.Reason);
        Sagen = view.Value!;
        return Page();
    }

    /// <summary>The purpose, asked once per case visit, like the members' case page.</summary>
    public IActionResult OnPost(Guid id)
    {
        Id = id;
        if (string.IsNullOrWhiteSpace(Formaal)) ModelState.AddModelError(nameof(Formaal), "Skriv hvorfor du læser sagens historik: formålet står i adgangsloggen.");
        else if (Formaal.Length > AccessLog.MaxPurposeLength) ModelState.AddModelError(nameof(Formaal), $"Formålet er højst {AccessLog.MaxPurposeLength} tegn.");
        if (!ModelState.IsValid) return Page();
        purposes.Remember(HttpContext, id, Formaal!.Trim());
        return Redirect($"/revision/sag/{id}");
    }

    private IActionResult Afvist(int status, string reason)
    {
        Response.StatusCode = status;
        ModelState.AddModelError("", status == StatusCodes.Status404NotFound ? "Ingen sag har dette id." : $"Sagen kan ikke vises: {reason}");
        Haendelser = [];
        Sagen = null;
        return Page();
    }
}
