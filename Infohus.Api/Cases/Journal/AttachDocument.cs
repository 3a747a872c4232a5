using System.Text.Json;
using Infohus.Api.Hosting;
using Infohus.Api.Legal;
using Infohus.EventStore.PersonalData;
using Npgsql;

namespace Infohus.Api.Cases.Journal;

/// <summary>The form fields besides the file: the version the member saw, the document's kind, and when it was received or written.</summary>
public sealed record AttachDocument(long Version, DocumentKind Kind, DateTimeOffset? OccurredAt = null) : ICaseCommand;

/// <summary>
/// A document attached to the case as multipart/form-data (<c>file</c>, <c>version</c>, <c>kind</c>, optional
/// <c>occurredAt</c>): its type read from its bytes, its content sealed with the case key into <c>case_document</c>
/// in the transaction of its <see cref="DocumentAttached"/> event.
/// </summary>
public static class AttachDocumentEndpoint
{
    [WolverinePost("/api/cases/{id}/documents"), Authorize(Policy = Policies.CaseWork)]
    public static async Task<IResult> Post(Guid id, IDocumentSession session, HttpContext context)
    {
        if (!context.Request.HasFormContentType)
            return Problems.Invalid("Send the document as multipart/form-data with the fields file, version and kind.");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problems.Invalid("The form cannot be read as multipart/form-data.");
        }
        if (form.Files.GetFile("file") is not { } file) return Problems.Invalid("The form holds no file in the field file.");
        if (file.Length > AttachDocumentStep.MaxBytes)
            return Problems.TooLarge($"A document may hold at most {AttachDocumentStep.MaxBytes / (1024 * 1024)} MB.");
        if (!long.TryParse(form["version"], out var version)) return Problems.Invalid("Give the case version (the field version) the document was attached on.");
        if (Enum.GetValues<DocumentKind>().Where(k => Code(k) == form["kind"]).ToArray() is not [var kind])
            return Problems.Invalid($"kind is one of {string.Join(", ", Enum.GetValues<DocumentKind>().Select(Code))}.");
        DateTimeOffset? occurredAt = null;
        if (form["occurredAt"] is [{ } given])
        {
            if (!DateTimeOffset.TryParse(given, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                return Problems.Invalid("occurredAt is a date and time with its offset (ISO 8601).");
            occurredAt = parsed;
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, context.RequestAborted);
        if (AttachDocumentStep.MediaTypeOf(content) is not { } mediaType)
            return Problems.UnsupportedType($"A document is {AttachDocumentStep.AcceptedTypes}, as its content shows (its name does not count).");

        var documentId = Guid.CreateVersion7();
        var fileName = Path.GetFileName(file.FileName);
        return await session.Decide(context, id, new AttachDocument(version, kind, occurredAt), (state, at, actor, cipher) =>
        {
            var decision = state.AttachDocument(documentId, kind, cipher.Seal(fileName), mediaType, content, at, actor);
            // The content goes in the same transaction as the event that describes it.
            if (!decision.IsRefused) CaseDocuments.Store(session, documentId, id, cipher.SealContent(content));
            return decision;
        }, written => new { written.Id, written.Version, DocumentId = documentId });
    }

    private static string Code(DocumentKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}

/// <summary>
/// A document downloaded with a stated purpose (access-logged), in clear for the reader only: never cached.
/// After erasure the key and the content are gone: 410.
/// </summary>
public static class GetDocumentEndpoint
{
    [WolverineGet("/api/cases/{id}/documents/{documentId}"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IResult> Get(Guid id, Guid documentId, IQuerySession session, HttpContext context, PersonalDataProtection protection)
    {
        var (purpose, noPurpose) = AccessLog.PurposeOf(context);
        if (noPurpose is not null) return noPurpose;
        var attached = await session.Events.QueryRawEventDataOnly<DocumentAttached>()
            .Where(e => e.CaseId == id && e.DocumentId == documentId).FirstOrDefaultAsync(context.RequestAborted);
        if (attached is null) return Problems.NotFound("The case holds no document with this id.");

        await AccessLog.RecordAsync(session.DocumentStore, context, id, "GET /api/cases/{id}/documents/{documentId}", purpose!);
        var cipher = protection.Open(await session.LoadAsync<CaseKey>(id, context.RequestAborted));
        var sealedContent = await SealedContent(context, documentId, id);
        if (cipher is null || sealedContent is null) return Problems.Gone("The case's personal data has been erased; its documents are gone.");

        context.Response.Headers.CacheControl = "no-store";
        return Results.File(cipher.OpenContent(sealedContent), attached.MediaType, cipher.Open(attached.FileName));
    }

    private static async Task<byte[]?> SealedContent(HttpContext context, Guid documentId, Guid caseId)
    {
        var database = context.RequestServices.GetRequiredService<InfohusDatabase>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(context.RequestAborted);
        await using var command = new NpgsqlCommand(
            $"select content from {Infohus.EventStore.Hosting.InfohusEventStore.Schema}.case_document where id = @id and case_id = @case", connection);
        command.Parameters.AddWithValue("id", documentId);
        command.Parameters.AddWithValue("case", caseId);
        return await command.ExecuteScalarAsync(context.RequestAborted) as byte[];
    }
}
