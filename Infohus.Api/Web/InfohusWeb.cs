using Infohus.Api.Security;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;

namespace Infohus.Api.Web;

/// <summary>
/// The web front end: Razor Pages under <c>Web/Pages</c>, rendered on the server in the same process as
/// the API, with the static files of Det Fælles Designsystem under <c>wwwroot/dkfds</c>.
/// </summary>
public static class InfohusWeb
{
    public static IServiceCollection AddInfohusWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddInfohusWebSignIn(configuration, environment);
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AllowAnonymousToPage("/LogInd");
            options.Conventions.AllowAnonymousToPage("/IngenAdgang");
            // Each role's section under the same policies as its API: a page never shows more than the API would.
            options.Conventions.AuthorizeFolder("/Sager", Policies.CaseWork);
            options.Conventions.AuthorizeFolder("/Henvendelser", Policies.CaseWork);
            options.Conventions.AuthorizeFolder("/Moeder", Policies.CaseWork);
            options.Conventions.AuthorizeFolder("/Oplysning", Policies.CaseWork);
            options.Conventions.AuthorizeFolder("/Styregruppe", Policies.Statistics);
            options.Conventions.AuthorizeFolder("/Jura", Policies.LegalReview);
            options.Conventions.AuthorizeFolder("/Revision", Policies.Audit);
        })
        .AddMvcOptions(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "infohus-antiforgery";
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddSingleton<CasePurposes>();
        services.AddSingleton(MemberDirectory.From(configuration));
        // æ, ø and å as themselves in the HTML, not as character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>Before the rest of the pipeline: the design system's files need no sign-in.</summary>
    public static WebApplication UseInfohusWebFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=86400"
        });
        return app;
    }

    public static WebApplication MapInfohusWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
