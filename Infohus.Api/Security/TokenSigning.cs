using System.Security.Claims;
using Infohus.EventStore.Members;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Infohus.Api.Security;

/// <summary>Signs tokens with the configured symmetric key: development tokens and the specs' tokens.</summary>
public sealed class TokenSigning(AuthSettings settings, SymmetricSecurityKey? key)
{
    public string Issue(string subject, string name, Role role, Department? department, TimeSpan lifetime)
    {
        if (key is null)
            throw new InvalidOperationException("Tokens come from the configured authority; this API holds no signing key.");

        var claims = new List<Claim>
        {
            new(InfohusClaims.Subject, subject),
            new(InfohusClaims.Name, name),
            new(InfohusClaims.Role, role.ClaimValue())
        };
        if (department is { } d) claims.Add(new Claim(InfohusClaims.Department, d.ClaimValue()));

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256)
        });
    }
}
