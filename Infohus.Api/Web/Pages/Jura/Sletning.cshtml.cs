using Infohus.Api.Cases.Erasing;
using Infohus.Api.Web.Tilsyn;
using Infohus.EventStore.Cases;
using Infohus.Projections.Cases;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Jura;

/// <summary>
/// Legal erases a case's personal data in two steps: name the case and the reason, then confirm by
/// typing the case's number. The erasure is <c>POST /api/cases/{id}/erasure</c>'s own code: the same
/// decision, the same event, the key deleted in the same transaction, the same refusals.
/// Only the case list's coded row is read to name the case (number, status, version), never the case.
/// </summary>
[Authorize(Policy = Policies.Erasure)]
public class SletningModel(IDocumentSession session) : PageModel
{
    [BindProperty] public string? Sag { get; set; }
    [BindProperty] public ErasureReason? Grund { get; set; }
    [BindProperty] public string? Journalnummer { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Bekraeftelse { get; set; }
    [BindProperty] public bool Forstaaet { get; set; }

    /// <summary>The case to confirm: shown on the confirmation step.</summary>
    public CaseSummary? Sagen { get; private set; }

    public static IReadOnlyList<ErasureReason> Grunde => [ErasureReason.DataSubjectRequest, ErasureReason.NoLongerNecessary, ErasureReason.Unlawful, ErasureReason.RetentionExpired];

    public static string Navn(CaseSummary c) => c.Reference ?? c.Id.ToString();

    public void OnGet() { }

    /// <summary>Step 1: which case, and why. Shows the confirmation.</summary>
    public async Task<IActionResult> OnPostForberedAsync()
    {
        ModelState.Clear();
        await Find();
        if (Grund is null) ModelState.AddModelError(nameof(Grund), "Vælg grunden til sletningen.");
        if (Journalnummer is { Length: > 100 }) ModelState.AddModelError(nameof(Journalnummer), "Journalnummeret er højst 100 tegn.");
        if (!ModelState.IsValid) Sagen = null;
        else Version = Sagen!.Version;
        return Page();
    }

    /// <summary>Step 2: confirmed, the API's erasure decides.</summary>
    public async Task<IActionResult> OnPostSletAsync()
    {
        ModelState.Clear();
        await Find();
        if (Sagen is null || Grund is null) return Page();
        if (!string.Equals(Bekraeftelse?.Trim(), Navn(Sagen), StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(Bekraeftelse), $"Skriv sagens nummer, {Navn(Sagen)}, for at bekræfte.");
        if (!Forstaaet)
            ModelState.AddModelError(nameof(Forstaaet), "Bekræft at personoplysningerne ikke kan genskabes.");
        if (!ModelState.IsValid) return Page();

        var command = new ErasePersonalData(Version, Grund.Value, string.IsNullOrWhiteSpace(Journalnummer) ? null : Journalnummer.Trim());
        var svar = ApiSvar.Of<CaseVersion>(await ErasePersonalDataEndpoint.Post(Sagen.Id, command, session, HttpContext));
        if (!svar.Ok)
        {
            // The API's reason, word for word; a changed case asks to confirm again at its new version.
            ModelState.AddModelError("", $"Sletningen blev afvist ({svar.Status}): {svar.Reason}");
            Response.StatusCode = svar.Status;
            await using var fresh = session.DocumentStore.QuerySession();
            Sagen = await fresh.LoadAsync<CaseSummary>(Sagen.Id, HttpContext.RequestAborted) ?? Sagen;
            Version = Sagen.Version;
            return Page();
        }
        TempData["Besked"] = $"Personoplysningerne i sag {Navn(Sagen)} er slettet: sagens nøgle er destrueret. Hændelserne og de kodede oplysninger bliver.";
        return RedirectToPage();
    }

    private async Task Find()
    {
        if (string.IsNullOrWhiteSpace(Sag))
        {
            ModelState.AddModelError(nameof(Sag), "Skriv sagens nummer.");
            return;
        }
        Sagen = await SagOpslag.Find(session, Sag, HttpContext.RequestAborted);
        if (Sagen is null) ModelState.AddModelError(nameof(Sag), "Ingen sag har dette nummer.");
    }
}
