using Infohus.EventStore.Members;
using MailKit.Security;

namespace Infohus.Api.Notices;

/// <summary>
/// Where e-mail notices go and how they are sent (<c>Infohus:Notices</c>). Without <c>Smtp:Host</c>
/// notices are off: nothing is queued, and the API says so once in its log.
/// </summary>
public sealed class NoticeSettings
{
    public const string Section = "Infohus:Notices";

    /// <summary>The start of the link in every notice: <c>{BaseUrl}/sager/{case id}</c>.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>A member's address by the token's <c>sub</c>.</summary>
    public Dictionary<string, string> Members { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A department's shared address by its code: <c>bfu</c>, <c>saeh</c>, <c>au</c>, <c>police</c>.</summary>
    public Dictionary<string, string> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Enabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The member's own address when configured, else the department's; null when neither is.</summary>
    public string? AddressFor(string? memberId, Department department) =>
        memberId is not null && Members.TryGetValue(memberId, out var member) && !string.IsNullOrWhiteSpace(member)
            ? member
            : Departments.TryGetValue(department.ClaimValue(), out var shared) && !string.IsNullOrWhiteSpace(shared) ? shared : null;

    public string LinkTo(Guid caseId) => $"{BaseUrl.TrimEnd('/')}/sager/{caseId}";
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The notices' From address.</summary>
    public string Sender { get; set; } = "infohus@localhost";

    /// <summary>MailKit's choice: <c>Auto</c> (TLS on port 465, STARTTLS when offered elsewhere), <c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Signs in only when a user is given.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }
}
