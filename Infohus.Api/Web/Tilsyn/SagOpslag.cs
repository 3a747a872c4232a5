using Infohus.Projections.Cases;
using Marten;

namespace Infohus.Api.Web.Tilsyn;

/// <summary>
/// A case named as people name it: its reference ("2026-0042") or its id. Reads only the case list's
/// coded row (reference, status, version), never the case's personal data.
/// </summary>
public static class SagOpslag
{
    public static async Task<CaseSummary?> Find(IQuerySession session, string? text, CancellationToken cancellation)
    {
        var wanted = text?.Trim();
        if (string.IsNullOrEmpty(wanted)) return null;
        if (Guid.TryParse(wanted, out var id)) return await session.LoadAsync<CaseSummary>(id, cancellation);
        return await session.Query<CaseSummary>().Where(c => c.Reference == wanted).FirstOrDefaultAsync(cancellation);
    }

    /// <summary>The references of the cases on a page, for showing them beside an id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> References(IQuerySession session, IEnumerable<Guid> ids, CancellationToken cancellation)
    {
        var distinct = ids.Distinct().ToArray();
        if (distinct.Length == 0) return new Dictionary<Guid, string>();
        var rows = await session.LoadManyAsync<CaseSummary>(cancellation, distinct);
        return rows.Where(r => r.Reference is not null).ToDictionary(r => r.Id, r => r.Reference!);
    }

    public static string Navn(IReadOnlyDictionary<Guid, string> references, Guid id) =>
        references.TryGetValue(id, out var reference) ? reference : id.ToString();

    /// <summary>A Danish date from a date field, as the start of that day in Copenhagen.</summary>
    public static DateTimeOffset? Dag(string? text, bool dagenEfter = false) =>
        Statistics.StatisticsContext.TryParseDay(text, out var day) ? Statistics.StatisticsContext.StartOf(dagenEfter ? day.AddDays(1) : day) : null;
}
