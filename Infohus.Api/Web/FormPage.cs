using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web;

/// <summary>
/// A page whose form runs an API endpoint under the form's key (<c>noegle</c>, kept as the request's
/// Idempotency-Key by <see cref="FormCalls"/>): a fresh key when the form is drawn, and one way to act
/// on the endpoint's answer.
/// </summary>
public abstract class FormPage : PageModel
{
    [BindProperty(Name = "noegle")]
    public string Key { get; set; } = "";

    protected void NewKey() => Key = Guid.NewGuid().ToString();

    /// <summary>
    /// Runs the endpoint under the form's key. Accepted: the message (<paramref name="replayed"/> for a form
    /// sent twice, registered once) and the page to go to. Otherwise null: the answer's status, its reason on
    /// the form (<paramref name="refused"/> when it gives none), and a new key once the answer is settled.
    /// </summary>
    protected async Task<(Answer Answer, IActionResult? Done)> Send(string apiRoute, object command, Func<Task<IResult>> endpoint,
        Func<Answer, string> message, Func<Answer, string> to, string refused,
        string replayed = "Formularen var allerede sendt og er kun registreret én gang.")
    {
        var answer = await FormCalls.Run(HttpContext, Key, apiRoute, command, endpoint);
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
