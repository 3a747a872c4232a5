using System.Security.Cryptography;
using System.Text.Json;
using Infohus.Api.Cases.Journal;
using Infohus.Api.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Infohus.Api.Web.Pages.Sager;

/// <summary>
/// A document attached to the case: the form posts the API's own multipart fields (<c>file</c>,
/// <c>version</c>, <c>kind</c>) and its endpoint's code reads them, types the file from its content and
/// seals it with the case key. The form's key makes a double send register once.
/// </summary>
public class DokumentModel(IDocumentSession query, OutboxedSessionFactory sessions, IMessageBus bus) : FormPage(sessions, bus)
{
    public Case Case { get; private set; } = null!;

    public string? NotAllowed { get; private set; }

    public static string Code(DocumentKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Load(id) is { } missing) return missing;
        NewKey();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await Load(id) is { } missing) return missing;
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        Key = form["noegle"].ToString();
        var file = form.Files.GetFile("file");
        if (file is null) ModelState.AddModelError("file", "Vælg en fil.");
        if (string.IsNullOrEmpty(form["kind"])) ModelState.AddModelError("kind", "Vælg slags dokument.");
        if (!ModelState.IsValid || Key.Length == 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            NewKey();
            return Page();
        }

        // What identifies the request for its key: the fields and the file's content, as the API's body would.
        string sha256;
        await using (var content = file!.OpenReadStream()) sha256 = Convert.ToHexString(await SHA256.HashDataAsync(content, HttpContext.RequestAborted));
        var answer = await Run($"/api/cases/{id}/documents",
            new { version = form["version"].ToString(), kind = form["kind"].ToString(), sha256 },
            session => AttachDocumentEndpoint.Post(id, session, HttpContext));
        if (answer.Succeeded)
        {
            TempData["Besked"] = answer.Replayed ? "Dokumentet var allerede vedhæftet; det er kun vedhæftet én gang." : "Dokumentet er vedhæftet.";
            return Redirect($"/sager/{id}");
        }
        if (answer.Settled) NewKey();
        Response.StatusCode = answer.Status;
        ViewData["FejlTitel"] = "Dokumentet blev ikke vedhæftet";
        ModelState.AddModelError("", answer.CurrentVersion is not null
            ? "En anden har ændret sagen, siden du åbnede formularen. Vælg filen igen og send på ny."
            : answer.Detail ?? "Dokumentet blev ikke vedhæftet.");
        return Page();
    }

    private async Task<IActionResult?> Load(Guid id)
    {
        if (await query.Events.FetchLatest<Case>(id, HttpContext.RequestAborted) is not { } state) return NotFound();
        Case = state;
        NotAllowed = state.Check(CaseAction.Documents, User.ToMemberRef())?.Reason;
        return null;
    }
}
