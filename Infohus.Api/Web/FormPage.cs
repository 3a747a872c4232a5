using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Infohus.Api.Web;

/// <summary>
/// A page whose form runs an API endpoint under the form's key (<c>noegle</c>, kept as the request's
/// Idempotency-Key by <see cref="FormCalls"/>) in an outboxed session of its own: the form's fields, a
/// fresh key when the form is drawn, and one way to act on the endpoint's answer.
/// </summary>
public abstract class FormPage(OutboxedSessionFactory sessions, IMessageBus bus) : PageModel
{
    [BindProperty(Name = "noegle")]
    public string Key { get; set; } = "";

    /// <summary>What was typed (or the form's defaults), read field by field.</summary>
    public Indtastning Input { get; protected set; } = null!;

    protected void NewKey() => Key = Guid.NewGuid().ToString();

    /// <summary>The endpoint's code run under the form's key, in an outboxed session (its notices and deadlines commit with it).</summary>
    protected async Task<Answer> Run(string apiRoute, object command, Func<IDocumentSession, Task<IResult>> endpoint)
    {
        await using var session = sessions.OpenSession(bus);
        return await FormCalls.Run(HttpContext, Key, apiRoute, command, () => endpoint(session));
    }

    /// <summary>
    /// Runs the endpoint under the form's key. Accepted: the message (<paramref name="replayed"/> for a form
    /// sent twice, registered once) and the page to go to. Otherwise null: the answer's status, its reason on
    /// the form (<paramref name="refused"/> when it gives none), and a new key once the answer is settled.
    /// </summary>
    protected async Task<(Answer Answer, IActionResult? Done)> Send(string apiRoute, object command, Func<IDocumentSession, Task<IResult>> endpoint,
        Func<Answer, string> message, Func<Answer, string> to, string refused,
        string replayed = "Formularen var allerede sendt og er kun registreret én gang.")
    {
        var answer = await Run(apiRoute, command, endpoint);
        if (answer.Succeeded)
        {
            TempData["Besked"] = answer.Replayed ? replayed : message(answer);
            return (answer, Redirect(to(answer)));
        }
        if (answer.Settled) NewKey();
        Response.StatusCode = answer.Status;
        ModelState.AddModelError("", answer.Detail ?? refused);
        return (answer, null);
    }
}
