using Infohus.Api.Legal;
using Infohus.Api.Security;
using Infohus.Api.Web.Tilsyn;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Revision;

/// <summary>
/// The auditors' start: find a case by its number and state why its history is read (the purpose goes
/// with every read of the case, into the same access log as the API's <c>X-Purpose</c>).
/// </summary>
public class IndexModel(IQuerySession session, CasePurposes purposes) : PageModel
{
    [BindProperty] public string? Sag { get; set; }
    [BindProperty] public string? Formaal { get; set; }

    public bool LaeserSager => Navigation.RoleOf(User) == EventStore.Members.Role.Auditor;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // Reading a case's events is case-read: auditors, never legal.
        if (!(await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, Policies.CaseRead)).Succeeded)
            return Forbid();
        if (string.IsNullOrWhiteSpace(Formaal)) ModelState.AddModelError(nameof(Formaal), "Skriv hvorfor du læser sagens historik: formålet står i adgangsloggen.");
        else if (Formaal.Length > AccessLog.MaxPurposeLength) ModelState.AddModelError(nameof(Formaal), $"Formålet er højst {AccessLog.MaxPurposeLength} tegn.");
        var sagen = await SagOpslag.Find(session, Sag, HttpContext.RequestAborted);
        if (sagen is null) ModelState.AddModelError(nameof(Sag), string.IsNullOrWhiteSpace(Sag) ? "Skriv sagens nummer." : "Ingen sag har dette nummer.");
        if (!ModelState.IsValid) return Page();

        purposes.Remember(HttpContext, sagen!.Id, Formaal!.Trim());
        return Redirect($"/revision/sag/{sagen.Id}");
    }
}
