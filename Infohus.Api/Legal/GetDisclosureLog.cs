using Infohus.Api.Hosting;
using Infohus.Api.Cases.Reading;
using Infohus.EventStore.Members;
using Infohus.Api.Statistics;
using Infohus.EventStore.PersonalData;
using Infohus.Projections.Disclosures;
using Marten.Pagination;

namespace Infohus.Api.Legal;

public sealed record DisclosureLine(
    Guid DisclosureId,
    Guid CaseId,
    DateTimeOffset DisclosedAt,
    MemberRef DisclosedBy,
    Recipient Recipient,
    LegalBasis Basis,
    IReadOnlyList<DataCategory> Categories,
    string Necessity);

public sealed record DisclosurePage(IReadOnlyList<DisclosureLine> Items, long Page, long PageSize, long Total);

public static class GetDisclosureLogEndpoint
{
    /// <summary>Every §115 disclosure across cases, newest first; CSV with Accept: text/csv.</summary>
    [WolverineGet("/api/disclosures"), Authorize(Policy = Policies.LegalReview)]
    public static async Task<IResult> Get(
        IQuerySession session, HttpContext context, PersonalDataProtection protection,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? recipient = null, Guid? caseId = null, int page = 1, int pageSize = 100)
    {
        if (InputLimits.RefusePage(page, pageSize, 1000) is { } refused) return refused;
        // The necessity texts are personal data: reading them is logged per case, with a purpose.
        var (purpose, noPurpose) = AccessLog.PurposeOf(context);
        if (noPurpose is not null) return noPurpose;

        var query = session.Query<DisclosureLogEntry>().AsQueryable();
        if (from is { } f) query = query.Where(d => d.DisclosedAt >= f.ToUniversalTime());
        if (to is { } t) query = query.Where(d => d.DisclosedAt < t.ToUniversalTime());
        if (caseId is { } c) query = query.Where(d => d.CaseId == c);
        if (!string.IsNullOrWhiteSpace(recipient)) query = query.Where(d => d.Recipient.Name.Contains(recipient, StringComparison.OrdinalIgnoreCase));
        var entries = await query.OrderByDescending(d => d.DisclosedAt).ToPagedListAsync(page, pageSize, context.RequestAborted);

        foreach (var caseOnPage in entries.Select(e => e.CaseId).Distinct())
            await AccessLog.RecordAsync(session.DocumentStore, context, caseOnPage, "GET /api/disclosures", purpose!);
        var keys = await session.LoadManyAsync<CaseKey>(context.RequestAborted, entries.Select(e => e.CaseId).Distinct());
        var ciphers = keys.ToDictionary(k => k.Id, k => protection.Open(k));
        var lines = entries.Select(e => new DisclosureLine(e.Id, e.CaseId, e.DisclosedAt, e.DisclosedBy, e.Recipient, e.Basis, e.Categories,
            ciphers.GetValueOrDefault(e.CaseId)?.Open(e.Necessity) ?? PersonalView.ErasedText)).ToList();

        if (StatisticsTables.WantsCsv(context))
        {
            var csv = LegalCsv.Write(
                ["disclosureId", "caseId", "disclosedAt", "disclosedBy", "department", "recipientType", "recipientName", "recipientRole", "cooperation", "provision", "purpose", "categories", "necessity"],
                lines.Select(l => new[] { l.DisclosureId.ToString(), l.CaseId.ToString(), l.DisclosedAt.ToString("O"), l.DisclosedBy.UserId,
                    LegalCsv.Code(l.DisclosedBy.Department), LegalCsv.Code(l.Recipient.Type), l.Recipient.Name, l.Recipient.Role,
                    LegalCsv.Code(l.Basis.Cooperation), LegalCsv.Code(l.Basis.Provision), LegalCsv.Code(l.Basis.Purpose),
                    string.Join(", ", l.Categories.Select(LegalCsv.Code)), l.Necessity }));
            return StatisticsTables.CsvResult(csv, "infohus-disclosures.csv");
        }
        return Results.Ok(new DisclosurePage(lines, page, pageSize, entries.TotalItemCount));
    }
}
