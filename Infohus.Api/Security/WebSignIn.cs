using System.Security.Claims;
using Infohus.EventStore.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Infohus.Api.Security;

/// <summary>
/// Sign-in for the web pages beside the bearer tokens of <c>/api</c>. One policy scheme is the default
/// and forwards each request: a bearer token or a path under <c>/api</c> to the JWT scheme, a browser
/// to the cookie session. Both end in a principal with the same claims (<c>sub</c>, <c>name</c>,
/// <c>role</c>, <c>department</c>), checked by the same <see cref="TokenClaims"/>, so every policy holds
/// for both. Production signs in with OpenID Connect (the municipality's identity provider) when
/// <c>Infohus:Auth:Authority</c> and <c>Infohus:Auth:WebClientId</c> are set; Development offers a
/// sign-in page instead, refused anywhere else like the <c>token</c> command.
/// </summary>
public static class WebSignIn
{
    public const string Scheme = "infohus";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OpenIdConnect = OpenIdConnectDefaults.AuthenticationScheme;
    public const string SignInPath = "/logind";
    public const string SignOutPath = "/logud";
    public const string DeniedPath = "/ingen-adgang";
    public const string RefusedPath = DeniedPath + "?logind=afvist";
    public const string FailedPath = DeniedPath + "?logind=fejl";
    public const string UnknownRole = "urn:infohus:problem:sign-in-without-a-known-role";
    public const string WithoutDepartment = "urn:infohus:problem:sign-in-without-a-department";

    public sealed class Settings
    {
        public const string Section = "Infohus:Auth";
        public string? Authority { get; set; }
        public string? WebClientId { get; set; }
        public string? WebClientSecret { get; set; }

        /// <summary>The claim the identity provider puts the department in (a group or an attribute of the user).</summary>
        public string DepartmentClaim { get; set; } = InfohusClaims.Department;

        public bool UsesOpenIdConnect => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(WebClientId);
    }

    public static IServiceCollection AddInfohusWebSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(Settings.Section).Get<Settings>() ?? new Settings();
        services.AddSingleton(settings);

        // The policy scheme is every policy's scheme: the policies name none, so they hold for both.
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = Scheme;
            options.DefaultChallengeScheme = Scheme;
            options.DefaultForbidScheme = Scheme;
        });

        var authentication = services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Bearer token for /api, cookie session for the pages", options =>
                options.ForwardDefaultSelector = context => IsApiCall(context) ? JwtBearerDefaults.AuthenticationScheme : Cookie)
            .AddCookie(Cookie, options =>
            {
                options.Cookie.Name = "infohus-session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = SignInPath;
                options.LogoutPath = SignOutPath;
                options.AccessDeniedPath = DeniedPath;
                options.ReturnUrlParameter = "tilbage";
                options.Events.OnValidatePrincipal = context =>
                {
                    // The rule of a sign-in (below), checked again on every request with the session.
                    if (context.Principal is null || Unusable(context.Principal) is not null) context.RejectPrincipal();
                    return Task.CompletedTask;
                };
            });

        if (settings.UsesOpenIdConnect)
        {
            authentication.AddOpenIdConnect(OpenIdConnect, options =>
            {
                options.SignInScheme = Cookie;
                options.Authority = settings.Authority;
                options.ClientId = settings.WebClientId;
                options.ClientSecret = settings.WebClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.MapInboundClaims = false;
                options.SaveTokens = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                // The userinfo endpoint confirms the subject; none of its claims (e-mail, given and family
                // name, …) is copied into the session: the session holds the four claims a token holds.
                options.ClaimActions.Clear();
                options.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile" }) options.Scope.Add(scope);
                options.TokenValidationParameters.NameClaimType = InfohusClaims.Name;
                options.TokenValidationParameters.RoleClaimType = InfohusClaims.Role;
                options.Events.OnTokenValidated = context =>
                {
                    // The provider's claims become the API's: refused like a token that names too much or too little.
                    var principal = Principal(context.Principal!, settings.DepartmentClaim);
                    if (Unusable(principal) is { } refused) context.Fail(refused);
                    else context.Principal = principal;
                    return Task.CompletedTask;
                };
                // A refused sign-in (claims the Infohus cannot act on, a cancelled or failed sign-in at the
                // provider) ends on a page that says so in Danish, not on an error page; the log names the
                // rule, never the person's claims.
                options.Events.OnRemoteFailure = context =>
                {
                    var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebSignIn));
                    if (context.Failure is RefusedToken refused)
                    {
                        log.LogWarning("A sign-in through the identity provider was refused: {Reason}", refused.Type);
                        context.Response.Redirect(RefusedPath);
                    }
                    else
                    {
                        // The provider's error code (access_denied, invalid_client, …) and the failure's type: never
                        // its message or error_description, which can name the user.
                        log.LogWarning("A sign-in through the identity provider failed: {Failure} {ProviderError}",
                            context.Failure?.GetType().Name, context.Failure?.Data["error"] as string);
                        context.Response.Redirect(FailedPath);
                    }
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                // Sign-out names the client instead of an ID token (none is kept), as RP-initiated logout allows,
                // so the provider accepts the return address.
                options.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.ClientId = settings.WebClientId;
                    return Task.CompletedTask;
                };
            });
        }
        return services;
    }

    /// <summary>
    /// Why a person cannot have a session for the pages, or null: the token rule (one subject, at most
    /// one role and one department), and on top of it exactly one role the Infohus knows, and for a
    /// member or the coordinator a department it knows (the pages open on the department's queue).
    /// </summary>
    public static RefusedToken? Unusable(ClaimsPrincipal user)
    {
        if (TokenClaims.Refusal(user) is { } refused) return refused;
        if (user.KnownRole() is not { } known)
            return new RefusedToken(UnknownRole, "The sign-in names no role the Infohus knows (member, coordinator, steering, legal, auditor).");
        if (known is Role.Member or Role.Coordinator && !user.HasKnownDepartment())
            return new RefusedToken(WithoutDepartment, "A member or the coordinator signs in with the department they belong to (bfu, saeh, au or police).");
        return null;
    }

    /// <summary>A bearer token, or anything under /api, is the API's; everything else is a browser's.</summary>
    public static bool IsApiCall(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The session's principal: the same four claims a token carries, with the same claim types for name and role.</summary>
    public static ClaimsPrincipal Principal(string subject, string name, Role role, Department? department)
    {
        var claims = new List<Claim>
        {
            new(InfohusClaims.Subject, subject),
            new(InfohusClaims.Name, name),
            new(InfohusClaims.Role, role.ClaimValue())
        };
        if (department is { } d) claims.Add(new Claim(InfohusClaims.Department, d.ClaimValue()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Cookie, InfohusClaims.Name, InfohusClaims.Role));
    }

    /// <summary>From an identity provider's claims: <c>sub</c>, <c>name</c>, <c>role</c> or <c>roles</c>, and the configured department claim.</summary>
    private static ClaimsPrincipal Principal(ClaimsPrincipal provided, string departmentClaim)
    {
        var claims = provided.Claims
            .Where(c => c.Type is InfohusClaims.Subject or InfohusClaims.Name or InfohusClaims.Role or "roles" || c.Type == departmentClaim)
            .Select(c => c.Type switch
            {
                "roles" => new Claim(InfohusClaims.Role, c.Value.ToLowerInvariant()),
                InfohusClaims.Role => new Claim(InfohusClaims.Role, c.Value.ToLowerInvariant()),
                _ when c.Type == departmentClaim => new Claim(InfohusClaims.Department, c.Value.ToLowerInvariant()),
                _ => new Claim(c.Type, c.Value)
            })
            // A group claim lists every group a person is in: only the Infohus's departments among them count.
            .Where(c => c.Type != InfohusClaims.Department || InfohusClaims.IsKnownDepartment(c.Value));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, OpenIdConnect, InfohusClaims.Name, InfohusClaims.Role));
    }
}
