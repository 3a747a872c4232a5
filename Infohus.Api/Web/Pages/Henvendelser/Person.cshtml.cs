using Infohus.Api.Cases.Intake;
using Infohus.Api.Legal;
using Infohus.Api.People;
using Infohus.EventStore.PersonalData;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Infohus.Api.Web.Pages.Henvendelser;

/// <summary>
/// "Er personen kendt i forvejen?": the cases about a person, by CPR number or by name with the date of
/// birth, through the API's own lookup (the blind index; a purpose; every case found access-logged). A
/// POST, so the CPR number and the name never land in a URL; the CPR number is not shown again after a
/// search.
/// </summary>
public class PersonModel(IQuerySession session, PersonIndex index, IOptions<ActionPlanSettings> plan) : PageModel
{
    public Indtastning Input { get; private set; } = null!;

    /// <summary>The cases found, oldest first; null before a search.</summary>
    public IReadOnlyList<SamePersonCase>? Fundet { get; private set; }

    public void OnGet() => Input = new Indtastning(null, ModelState, plan.Value);

    public async Task<IActionResult> OnPostAsync()
    {
        Input = new Indtastning(Request.Form, ModelState, plan.Value);
        var purpose = Input.Påkrævet("Formaal", "Skriv formålet med at søge efter personen.");
        if (purpose is { Length: > AccessLog.MaxPurposeLength }) ModelState.AddModelError("Formaal", $"Formålet er højst {AccessLog.MaxPurposeLength} tegn.");
        var cpr = Input.Tekst("Cpr");
        var name = Input.Tekst("Navn");
        var born = Input.Tekst("Foedt") is null ? null : Input.Dato("Foedt", "Skriv fødselsdatoen som en dato.");
        if (cpr is null && name is null && born is null)
            ModelState.AddModelError("Cpr", "Skriv CPR-nummeret, eller navn og fødselsdato.");
        else if (cpr is null && name is null)
            ModelState.AddModelError("Navn", "Skriv navnet sammen med fødselsdatoen.");
        else if (cpr is null && born is null && Input.Tekst("Foedt") is null)
            ModelState.AddModelError("Foedt", "Skriv fødselsdatoen sammen med navnet.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Input = Shown(purpose);
            return Page();
        }

        CasePurposes.State(HttpContext, purpose!);
        var answer = await LookUpPersonEndpoint.Post(new LookUpPerson(cpr, cpr is null ? name : null, cpr is null ? born : null), session, HttpContext, index);
        if (answer is Ok<IReadOnlyList<SamePersonCase>> found)
        {
            Fundet = found.Value;
            // What identified the person is not written back into the page once it has done its work.
            Input = Shown(purpose);
            return Page();
        }
        Response.StatusCode = (answer as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status400BadRequest;
        ModelState.AddModelError(cpr is null ? "Navn" : "Cpr", cpr is null
            ? "Skriv navn og fødselsdato, som de står i henvendelsen."
            : "Et CPR-nummer er 10 cifre, skrevet DDMMÅÅ-XXXX eller DDMMÅÅXXXX, og begynder med en fødselsdato, der findes.");
        Input = Shown(purpose);
        return Page();
    }

    /// <summary>The form as shown again: the purpose, and a field that identifies the person only where it has an error to correct.</summary>
    private Indtastning Shown(string? purpose)
    {
        var kept = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["Formaal"] = purpose };
        foreach (var field in new[] { "Cpr", "Navn", "Foedt" })
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) kept[field] = Input.Tekst(field);
        return new Indtastning(new FormCollection(kept), ModelState, plan.Value);
    }
}
