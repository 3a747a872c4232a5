using Infohus.Api.Security;
using Infohus.Projections.Timeline;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Infohus.Api.Web.Pages.Sager;

/// <summary>
/// One step on a case as a form. The submit runs the API endpoint's code under the form's idempotency
/// key: success goes back to the case with a message; a refusal shows the plan's reason as the API
/// gives it; a stale version says what changed meanwhile and keeps what was typed.
/// </summary>
public class TrinModel(IDocumentSession query, OutboxedSessionFactory sessions, IMessageBus bus, IOptions<ActionPlanSettings> plan, MemberDirectory members) : FormPage(sessions, bus)
{
    public StepForm Form { get; private set; } = null!;

    public Case Case { get; private set; } = null!;

    /// <summary>Why the plan does not allow the step now, before anything is sent.</summary>
    public string? NotAllowed { get; private set; }

    [BindProperty(Name = "version")]
    public long Version { get; set; }

    /// <summary>What other members did after the version the form was opened on.</summary>
    public IReadOnlyList<TimelineEntry> ChangedSince { get; private set; } = [];

    /// <summary>The changes in Danish (the case page's sentences), by version; the API's sentence where none is worded.</summary>
    public IReadOnlyDictionary<long, string> ChangedSentences { get; private set; } = new Dictionary<long, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, string segment)
    {
        if (await Load(id, segment) is { } missing) return missing;
        Version = Case.Version;
        NewKey();
        // A form that changes what the case holds (the registration) opens with what it holds now.
        Input = new Indtastning(Form.Prefill is { } prefill ? new FormCollection(prefill(Case)) : null, ModelState, plan.Value) { Members = members };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string segment)
    {
        if (await Load(id, segment) is { } missing) return missing;
        Input = new Indtastning(Request.Form, ModelState, plan.Value) { Members = members };
        var command = Form.Command(Input, Version);
        if (command is null || string.IsNullOrWhiteSpace(Key))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var answer = await Run(Form.ApiRoute(id, command), command, session => Form.Call(id, command, session, HttpContext));
        if (answer.Succeeded)
        {
            TempData["Besked"] = answer.Replayed
                ? $"{Form.Navn}: formularen var allerede sendt og er kun registreret én gang."
                : $"{Form.Navn}: registreret.";
            return Redirect($"/sager/{id}");
        }

        // A new key: the old one keeps this answer, and the next send is a new request.
        if (answer.Settled) NewKey();
        Response.StatusCode = answer.Status;
        if (answer.CurrentVersion is { } current)
        {
            var changes = await query.Events.FetchStreamAsync(id, fromVersion: Version + 1, token: HttpContext.RequestAborted);
            ChangedSince = CaseTimeline.Lines(changes);
            ChangedSentences = Tidslinje.Sætninger(changes);
            ViewData["FejlTitel"] = "Sagen er ændret, mens du udfyldte formularen";
            ModelState.AddModelError("", "En anden har ændret sagen, siden du åbnede formularen. Se ændringerne nedenfor; det du skrev, er bevaret. Send formularen igen, hvis trinnet stadig passer.");
            Version = current;
        }
        else
        {
            ViewData["FejlTitel"] = "Trinnet blev afvist";
            ModelState.AddModelError("", answer.Detail ?? "Trinnet blev afvist.");
        }
        return Page();
    }

    private async Task<IActionResult?> Load(Guid id, string segment)
    {
        if (StepForms.For(segment) is not { } form) return NotFound();
        if (await query.Events.FetchLatest<Case>(id, HttpContext.RequestAborted) is not { } state) return NotFound();
        Form = form;
        Case = state;
        NotAllowed = state.Check(form.Action, User.ToMemberRef())?.Reason;
        return null;
    }
}
