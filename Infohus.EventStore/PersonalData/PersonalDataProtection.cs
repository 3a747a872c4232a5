using System.Security.Cryptography;
using System.Text;

namespace Infohus.EventStore.PersonalData;

/// <summary>Configuration of personal-data protection (section <c>Infohus:PersonalData</c>).</summary>
public sealed class PersonalDataSettings
{
    public const string Section = "Infohus:PersonalData";

    /// <summary>Published in this repository: accepted only in Development.</summary>
    public const string DevelopmentMasterKey = "aW5mb2h1cy1kZXZlbG9wbWVudC1tYXN0ZXIta2V5ISE=";

    /// <summary>Base64 of 32 random bytes; wraps every case key. Required outside Development.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Published in this repository: accepted only in Development.</summary>
    public const string DevelopmentIndexKey = "aW5mb2h1cy1kZXZlbG9wbWVudC1pbmRleC1rZXkhISE=";

    /// <summary>Base64 of 32 random bytes, apart from the master key; keys the blind person index. Required outside Development.</summary>
    public string? IndexKey { get; set; }

    /// <summary>How long after closure a case keeps its personal data (KL's filing plan: 5 years).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(5 * 365 + 1);
}

/// <summary>
/// Crypto-shredding: each case has its own random key; personal fields are sealed with it, and the
/// key itself is sealed with the master key. The case id is bound into every seal, so ciphertext
/// cannot be moved from one case to another.
/// </summary>
public sealed class PersonalDataProtection
{
    private const string Version = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _masterKey;

    public PersonalDataProtection(string masterKeyBase64)
    {
        _masterKey = Convert.FromBase64String(masterKeyBase64);
        if (_masterKey.Length != 32) throw new InvalidOperationException("The personal-data master key must be 32 bytes (base64).");
    }

    public (CaseKey Stored, CaseCipher Cipher) NewKey(Guid caseId, DateTimeOffset now)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var stored = new CaseKey { Id = caseId, WrappedKey = Seal(_masterKey, caseId, key), CreatedAt = now };
        return (stored, new CaseCipher(caseId, key));
    }

    /// <summary>The case's cipher, or null when its key is gone: the personal data is erased.</summary>
    public CaseCipher? Open(CaseKey? stored) =>
        stored is null ? null : new CaseCipher(stored.Id, Unseal(_masterKey, stored.Id, stored.WrappedKey));

    internal static string Seal(byte[] key, Guid caseId, byte[] plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), caseId.ToByteArray());
        nonce.CopyTo(sealedBytes, 0);
        return Version + Convert.ToBase64String(sealedBytes);
    }

    internal static byte[] Unseal(byte[] key, Guid caseId, string sealedText)
    {
        if (!sealedText.StartsWith(Version, StringComparison.Ordinal))
            throw new CryptographicException("Unknown seal version.");
        return UnsealBytes(key, caseId, Convert.FromBase64String(sealedText[Version.Length..]));
    }

    /// <summary>A file's content sealed as bytes (nonce, tag, ciphertext): a document is stored as bytea, not as text.</summary>
    internal static byte[] SealBytes(byte[] key, Guid caseId, ReadOnlySpan<byte> plain)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(sealedBytes.AsSpan(0, NonceSize), plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), caseId.ToByteArray());
        return sealedBytes;
    }

    internal static byte[] UnsealBytes(byte[] key, Guid caseId, byte[] sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, caseId.ToByteArray());
        return plain;
    }
}

/// <summary>Seals and opens the personal fields of one case.</summary>
public sealed class CaseCipher(Guid caseId, byte[] key)
{
    /// <summary>Seals a text; a missing or blank text stays missing.</summary>
    public PersonalText? Seal(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new PersonalText(PersonalDataProtection.Seal(key, caseId, Encoding.UTF8.GetBytes(text.Trim())));

    public string? Open(PersonalText? text) =>
        text is null ? null : Encoding.UTF8.GetString(PersonalDataProtection.Unseal(key, caseId, text.Sealed));

    /// <summary>Seals a document's content with the case key (AES-256-GCM, the case id bound in).</summary>
    public byte[] SealContent(ReadOnlySpan<byte> content) => PersonalDataProtection.SealBytes(key, caseId, content);

    public byte[] OpenContent(byte[] sealedContent) => PersonalDataProtection.UnsealBytes(key, caseId, sealedContent);
}
