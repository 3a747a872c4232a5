namespace Infohus.Api.Security;

/// <summary>
/// How tokens are validated (section <c>Infohus:Auth</c>). Production names a real issuer: an OpenID
/// Connect <see cref="Authority"/>, or an <see cref="Issuer"/> with its own signing key. Development
/// falls back to a well-known issuer and key that production refuses.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Infohus:Auth";

    /// <summary>Published in this repository, so it proves nothing: only ever accepted in Development.</summary>
    public const string DevelopmentSigningKey = "infohus-development-signing-key--never-use-in-production";

    /// <summary>Published in this repository like the key: only ever accepted in Development.</summary>
    public const string DevelopmentIssuer = "infohus-development";

    /// <summary>Required with a <see cref="SigningKey"/> outside Development; with an <see cref="Authority"/> its metadata names it when this is not set.</summary>
    public string? Issuer { get; set; }

    public string Audience { get; set; } = "infohus-api";

    public string? Authority { get; set; }

    public string? SigningKey { get; set; }
}
