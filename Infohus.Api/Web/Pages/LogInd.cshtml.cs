using System.ComponentModel.DataAnnotations;
using Infohus.Api.Security;
using Infohus.EventStore.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages;

/// <summary>
/// Sign-in. Production sends the browser to the municipality's identity provider (OpenID Connect).
/// Development offers this form to pick a role, a department and a name, the page form of the
/// <c>token</c> command, and like it refused in any other environment.
/// </summary>
public class LogIndModel(IHostEnvironment environment, WebSignIn.Settings settings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tilbage")]
    public string? ReturnUrl { get; set; }

    [BindProperty, Required(ErrorMessage = "Vælg en rolle.")]
    public Role? Rolle { get; set; }

    [BindProperty]
    public Department? Forvaltning { get; set; }

    [BindProperty, Required(ErrorMessage = "Skriv dit navn."), StringLength(100, ErrorMessage = "Navnet er højst 100 tegn.")]
    public string? Navn { get; set; }

    public IActionResult OnGet()
    {
        if (settings.UsesOpenIdConnect)
            return Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(ReturnUrl) }, WebSignIn.OpenIdConnect);
        return environment.IsDevelopment() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!environment.IsDevelopment()) return NotFound();
        if (Rolle is Role.Member or Role.Coordinator && Forvaltning is null)
            ModelState.AddModelError(nameof(Forvaltning), "Medlemmer og koordinatoren hører til en forvaltning: vælg den.");
        if (!ModelState.IsValid) return Page();

        var name = Navn!.Trim();
        var subject = $"dev-{name.ToLowerInvariant().Replace(' ', '-')}";
        var principal = WebSignIn.Principal(subject, name, Rolle!.Value, Rolle is Role.Member or Role.Coordinator ? Forvaltning : null);
        await HttpContext.SignInAsync(WebSignIn.Cookie, principal);
        return LocalRedirect(ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Navigation.Home(principal));
    }

    private string LocalOrHome(string? url) => url is { Length: > 0 } && Url.IsLocalUrl(url) ? url : "/";
}
