using Infohus.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages;

/// <summary>Sign-out ends the session and forgets the purposes stated; with OpenID Connect also at the identity provider.</summary>
public class LogUdModel(WebSignIn.Settings settings) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        CasePurposes.Forget(HttpContext);
        await HttpContext.SignOutAsync(WebSignIn.Cookie);
        if (settings.UsesOpenIdConnect)
            return SignOut(new AuthenticationProperties { RedirectUri = "/" }, WebSignIn.OpenIdConnect);
        return LocalRedirect(WebSignIn.SignInPath);
    }
}
