using System.Text.Json;
using Infohus.Api.Legal;
using Microsoft.AspNetCore.DataProtection;

namespace Infohus.Api.Web;

/// <summary>
/// The purpose a member stated for reading a case's personal data, asked once per case visit: kept in
/// an encrypted session cookie (gone when the browser closes or the member signs out) and sent with
/// every read of that case as the API's <c>X-Purpose</c>, so each read is access-logged like the API's.
/// </summary>
public sealed class CasePurposes(IDataProtectionProvider protection)
{
    public const string CookieName = "infohus-formaal";
    private const int Remembered = 20;
    private readonly IDataProtector _protector = protection.CreateProtector("Infohus.Web.CasePurposes");

    public string? For(HttpContext context, Guid caseId) => Read(context).TryGetValue(caseId, out var purpose) ? purpose : null;

    public void Remember(HttpContext context, Guid caseId, string purpose)
    {
        var purposes = Read(context);
        purposes.Remove(caseId);
        purposes[caseId] = purpose;
        var kept = purposes.TakeLast(Remembered).ToDictionary();
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(kept)), Options(context));
    }

    public static void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options(context));

    /// <summary>Puts the stated purpose where the API's endpoints read it, for one call of their code.</summary>
    public static void State(HttpContext context, string purpose) => context.Request.Headers[AccessLog.PurposeHeader] = purpose;

    private Dictionary<Guid, string> Read(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } cookie) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<Guid, string>>(_protector.Unprotect(cookie)) ?? [];
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return [];
        }
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        IsEssential = true
    };
}
