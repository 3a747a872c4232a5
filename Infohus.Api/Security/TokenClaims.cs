using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Infohus.Api.Security;

/// <summary>A signed token the API still refuses, and why (the 401's problem details).</summary>
public sealed class RefusedToken(string type, string detail) : Exception(detail)
{
    public string Type { get; } = type;
}

/// <summary>
/// What a token must say, checked once for every request right after its signature: exactly one
/// subject (<c>sub</c>), at most one role and at most one department. A token with several roles
/// (identity providers such as Entra ID send <c>roles</c> as a list) or departments is refused with a
/// 401 instead of being read as its first: a policy grants on any one of them, while the access log
/// and the events would record the first. Without a subject nothing could say who acted or read, so
/// such a token is refused before any endpoint runs or logs.
/// </summary>
public static class TokenClaims
{
    public const string WithoutSubject = "urn:infohus:problem:token-without-subject";
    public const string Ambiguous = "urn:infohus:problem:token-with-several-roles-or-departments";

    /// <summary>Identity providers name roles <c>role</c> or <c>roles</c>; both count.</summary>
    private static readonly string[] RoleClaims = [InfohusClaims.Role, "roles"];

    public static RefusedToken? Refusal(ClaimsPrincipal user)
    {
        var subjects = Values(user, InfohusClaims.Subject);
        if (subjects.Count != 1 || string.IsNullOrWhiteSpace(subjects[0]))
            return new RefusedToken(WithoutSubject, "The token names no subject (sub), or more than one: the API records who acts and who reads by it.");
        var roles = Values(user, RoleClaims);
        var departments = Values(user, InfohusClaims.Department);
        if (roles.Count > 1 || departments.Count > 1)
            return new RefusedToken(Ambiguous, $"The token names {roles.Count} roles and {departments.Count} departments: the API acts on exactly one role and at most one department per token. Ask for a token with one role.");
        return null;
    }

    /// <summary>The 401 with problem details naming the rule; a missing or invalid token keeps the bearer scheme's plain challenge.</summary>
    public static async Task Answer(JwtBearerChallengeContext context, RefusedToken refused)
    {
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await Results.Problem(type: refused.Type, statusCode: StatusCodes.Status401Unauthorized,
            title: "The token cannot be used", detail: refused.Message).ExecuteAsync(context.HttpContext);
    }

    private static IReadOnlyList<string> Values(ClaimsPrincipal user, params string[] types) =>
        [.. user.Claims.Where(c => types.Contains(c.Type)).Select(c => c.Value).Distinct(StringComparer.Ordinal)];
}
