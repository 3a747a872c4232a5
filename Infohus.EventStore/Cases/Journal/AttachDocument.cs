using System.IO.Compression;
using System.Security.Cryptography;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>
/// A file attached to the case (an interview form, a preparedness plan, a letter): PDF, Office Open XML or
/// an image, at most 10 MB. Its type is read from its content, never from its name. Like the journal's notes
/// it is taken at any stage of an open case; a closed or erased case takes none.
/// </summary>
public static class AttachDocumentStep
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string AcceptedTypes = "PDF, Word, Excel or PowerPoint (Office Open XML), PNG, JPEG or GIF";

    // Closed and erased cases are refused before this rule is asked (CaseRules.Check).
    public static Refusal? Rule(Case state) => null;

    public static Decision AttachDocument(this Case state, Guid documentId, DocumentKind kind, PersonalText? fileName, string mediaType,
        ReadOnlySpan<byte> content, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Documents, actor) is { } refusal) return refusal;
        if (fileName is null) return Refusal.Invalid("Name the document's file.");
        return Decision.Accept(new DocumentAttached(state.Id, documentId, kind, fileName, mediaType, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), at, actor));
    }

    /// <summary>The media type the content shows by its first bytes (and, for a ZIP, its entries), or null for any other content.</summary>
    public static string? MediaTypeOf(byte[] content)
    {
        var head = content.AsSpan();
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "image/gif";
        return head.StartsWith("PK\x03\x04"u8) ? OfficeOpenXml(content) : null;
    }

    /// <summary>A ZIP is an Office document only with its [Content_Types].xml; which one its main part's folder tells.</summary>
    private static string? OfficeOpenXml(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml")) return null;
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
