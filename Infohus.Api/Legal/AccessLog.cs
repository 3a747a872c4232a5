using Infohus.Api.Hosting;
using Infohus.Api.Statistics;
using Marten.Pagination;

namespace Infohus.Api.Legal;

/// <summary>
/// One read of a case's personal data: who, when, which case, which endpoint, and the purpose the
/// reader stated (C-579/21: a person may learn when their data was consulted and why). Written once,
/// never changed; not an event, because a read changes nothing in the case.
/// </summary>
public sealed record AccessLogEntry(
    Guid Id,
    Guid CaseId,
    string UserId,
    string Role,
    string? Department,
    DateTimeOffset ReadAt,
    string Endpoint,
    string Purpose);

public static class AccessLog
{
    public const string PurposeHeader = "X-Purpose";
    public const int MaxPurposeLength = 200;

    /// <summary>The purpose the caller states for a personal-data read, or a 400 when there is none.</summary>
    public static (string? Purpose, IResult? Refusal) PurposeOf(HttpContext context)
    {
        var purpose = context.Request.Headers[PurposeHeader].FirstOrDefault() ?? context.Request.Query["purpose"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(purpose))
            return (null, Problems.PurposeMissing($"State why you read this case's personal data: header {PurposeHeader} or ?purpose= (it goes in the access log)."));
        if (purpose.Length > MaxPurposeLength)
            return (null, Problems.PurposeMissing($"Keep the purpose under {MaxPurposeLength} characters."));
        return (purpose.Trim(), null);
    }

    /// <summary>One insert in its own small transaction: reads never wait on one another for it.</summary>
    public static async Task RecordAsync(IDocumentStore store, HttpContext context, Guid caseId, string endpoint, string purpose)
    {
        var user = context.User;
        await using var session = store.LightweightSession();
        session.Insert(new AccessLogEntry(Guid.CreateVersion7(), caseId,
            user.FindFirst(InfohusClaims.Subject)?.Value ?? "unknown",
            user.FindFirst(InfohusClaims.Role)?.Value ?? "unknown",
            user.FindFirst(InfohusClaims.Department)?.Value,
            context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            endpoint, purpose));
        await session.SaveChangesAsync(context.RequestAborted);
    }
}

public sealed record AccessPage(IReadOnlyList<AccessLogEntry> Items, long Page, long PageSize, long Total);

public static class GetAccessLogEndpoint
{
    /// <summary>Who read which case's personal data, when and why; per case as CSV for a person's access request.</summary>
    [WolverineGet("/api/access-log"), Authorize(Policy = Policies.LegalReview)]
    public static async Task<IResult> Get(
        IQuerySession session, HttpContext context,
        Guid? caseId = null, string? user = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = 100)
    {
        if (InputLimits.RefusePage(page, pageSize, 1000) is { } refused) return refused;

        var query = session.Query<AccessLogEntry>().AsQueryable();
        if (caseId is { } c) query = query.Where(e => e.CaseId == c);
        if (!string.IsNullOrWhiteSpace(user)) query = query.Where(e => e.UserId == user);
        if (from is { } f) query = query.Where(e => e.ReadAt >= f.ToUniversalTime());
        if (to is { } t) query = query.Where(e => e.ReadAt < t.ToUniversalTime());
        var entries = await query.OrderBy(e => e.ReadAt).ToPagedListAsync(page, pageSize, context.RequestAborted);

        if (StatisticsTables.WantsCsv(context))
        {
            var csv = LegalCsv.Write(["readAt", "caseId", "userId", "role", "department", "endpoint", "purpose"],
                entries.Select(e => new[] { e.ReadAt.ToString("O"), e.CaseId.ToString(), e.UserId, e.Role, e.Department ?? "", e.Endpoint, e.Purpose }));
            return StatisticsTables.CsvResult(csv, caseId is null ? "infohus-access-log.csv" : $"infohus-access-log-{caseId}.csv");
        }
        return Results.Ok(new AccessPage([.. entries], page, pageSize, entries.TotalItemCount));
    }
}
