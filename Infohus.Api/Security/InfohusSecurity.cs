using System.Security.Claims;
using System.Text;
using Infohus.EventStore.Members;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Infohus.Api.Security;

/// <summary>The names of the authorisation policies every endpoint chooses from.</summary>
public static class Policies
{
    /// <summary>Acting on a case: Infohus members and the coordinator, with their department.</summary>
    public const string CaseWork = "case-work";

    /// <summary>Steps only the local police takes, such as the report to PET/EAE (§4.3 I).</summary>
    public const string PoliceCaseWork = "police-case-work";

    /// <summary>Reading a case: members, the coordinator and auditors. Never the steering group.</summary>
    public const string CaseRead = "case-read";

    /// <summary>Erasing a case's personal data: legal.</summary>
    public const string Erasure = "erasure";

    /// <summary>Anonymous statistics: the steering group, auditors and the coordinator.</summary>
    public const string Statistics = "statistics";

    /// <summary>Verifying the tamper-evident history: auditors and legal.</summary>
    public const string Audit = "audit";

    /// <summary>Reviewing the §115 disclosure log and the access log: legal and auditors.</summary>
    public const string LegalReview = "legal-review";

    public static readonly IReadOnlyList<string> All = [CaseWork, PoliceCaseWork, CaseRead, Erasure, Statistics, Audit, LegalReview];
}

public static class InfohusClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Department = "department";

    /// <summary>The actor an event records. Only called behind a policy that guarantees the claims.</summary>
    public static MemberRef ToMemberRef(this ClaimsPrincipal user) => new(
        user.FindFirstValue(Subject) ?? throw new InvalidOperationException("The token has no subject."),
        Enum.Parse<Role>(user.FindFirstValue(Role)!, ignoreCase: true),
        Enum.Parse<Department>(user.FindFirstValue(Department)!, ignoreCase: true));

    /// <summary>The member's name as the token gives it, shown as a case's or follow-up's assignee; the user id when the token names none.</summary>
    public static string MemberName(this ClaimsPrincipal user) =>
        user.FindFirstValue(Name) is { Length: > 0 } name ? name : user.FindFirstValue(Subject)!;

    public static string ClaimValue(this Role role) => role.ToString().ToLowerInvariant();

    public static string ClaimValue(this Department department) => department.ToString().ToLowerInvariant();

    /// <summary>
    /// The department claim names one of the four by its name (any case). Not <c>Enum.TryParse</c>, which
    /// would also take a number ("3") or a list ("saeh,au" = 3) and read it as another department.
    /// </summary>
    internal static bool HasKnownDepartment(this ClaimsPrincipal user) => IsKnownDepartment(user.FindFirstValue(Department));

    /// <summary>The one role the claims name, by its claim value (any case); null for none, several, a number or an unknown name.</summary>
    public static Infohus.EventStore.Members.Role? KnownRole(this ClaimsPrincipal user)
    {
        if (user.FindAll(Role).Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList() is not [var value]) return null;
        foreach (var role in Enum.GetValues<Infohus.EventStore.Members.Role>())
            if (string.Equals(role.ClaimValue(), value, StringComparison.OrdinalIgnoreCase)) return role;
        return null;
    }

    internal static bool IsKnownDepartment(string? value) =>
        Enum.GetValues<Infohus.EventStore.Members.Department>().Any(d => string.Equals(d.ClaimValue(), value, StringComparison.OrdinalIgnoreCase));
}

public static class InfohusSecurity
{
    public static IServiceCollection AddInfohusSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        if (environment.IsDevelopment()) settings.Issuer ??= AuthSettings.DevelopmentIssuer;
        var key = SigningKeyFor(settings, environment);
        services.AddSingleton(new TokenSigning(settings, key));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                if (settings.Authority is not null) options.Authority = settings.Authority;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = key,
                    ValidateIssuerSigningKey = key is not null,
                    NameClaimType = InfohusClaims.Name,
                    RoleClaimType = InfohusClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30)
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (TokenClaims.Refusal(context.Principal!) is { } refused) context.Fail(refused);
                        return Task.CompletedTask;
                    },
                    OnChallenge = context => context.AuthenticateFailure is RefusedToken refused
                        ? TokenClaims.Answer(context, refused)
                        : Task.CompletedTask
                };
            });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenAsProblem>();
        services.AddAuthorizationBuilder()
            // An endpoint that names no policy still needs a valid token.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.CaseWork, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Role.Member.ClaimValue(), Role.Coordinator.ClaimValue())
                .RequireClaim(InfohusClaims.Subject)
                .RequireAssertion(context => context.User.HasKnownDepartment()))
            .AddPolicy(Policies.PoliceCaseWork, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Role.Member.ClaimValue(), Role.Coordinator.ClaimValue())
                .RequireClaim(InfohusClaims.Subject)
                .RequireClaim(InfohusClaims.Department, Department.Police.ClaimValue()))
            .AddPolicy(Policies.Erasure, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Role.Legal.ClaimValue())
                .RequireClaim(InfohusClaims.Subject))
            .AddPolicy(Policies.Statistics, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Role.Steering.ClaimValue(), Role.Auditor.ClaimValue(), Role.Coordinator.ClaimValue()))
            .AddPolicy(Policies.Audit, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Role.Auditor.ClaimValue(), Role.Legal.ClaimValue()))
            .AddPolicy(Policies.LegalReview, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Role.Legal.ClaimValue(), Role.Auditor.ClaimValue()))
            .AddPolicy(Policies.CaseRead, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Role.Member.ClaimValue(), Role.Coordinator.ClaimValue(), Role.Auditor.ClaimValue()));
        return services;
    }

    private static SymmetricSecurityKey? SigningKeyFor(AuthSettings settings, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey ?? AuthSettings.DevelopmentSigningKey));

        if (settings.SigningKey == AuthSettings.DevelopmentSigningKey)
            throw new InvalidOperationException("Infohus:Auth:SigningKey is the development key; it is refused outside Development.");
        if (settings.Issuer == AuthSettings.DevelopmentIssuer)
            throw new InvalidOperationException("Infohus:Auth:Issuer is the development issuer; it is refused outside Development.");
        if (settings.Authority is null && string.IsNullOrEmpty(settings.SigningKey))
            throw new InvalidOperationException("Configure Infohus:Auth:Authority (an OpenID Connect issuer) or Infohus:Auth:SigningKey with Infohus:Auth:Issuer.");
        if (!string.IsNullOrEmpty(settings.SigningKey) && string.IsNullOrWhiteSpace(settings.Issuer))
            throw new InvalidOperationException("Configure Infohus:Auth:Issuer with Infohus:Auth:SigningKey: the issuer whose tokens that key signs.");
        if (settings.SigningKey is { Length: < 32 })
            throw new InvalidOperationException("Infohus:Auth:SigningKey must be at least 32 characters.");
        return settings.SigningKey is null ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey));
    }
}
