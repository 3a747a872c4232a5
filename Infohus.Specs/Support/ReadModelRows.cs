using System.Text.Json;
using Infohus.Projections.Cases;
using Infohus.Projections.Disclosures;
using Infohus.Projections.Register;
using Marten;

namespace Infohus.Specs.Support;

/// <summary>Every read model as sorted JSON rows: to compare a rebuild with the live store, or a restored database with the original.</summary>
public static class ReadModelRows
{
    public static async Task<Dictionary<string, IReadOnlyList<string>>> Of(IQuerySession session)
    {
        IReadOnlyList<string> Rows<T>(IEnumerable<T> docs) => [.. docs.Select(d => JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal)];
        return new()
        {
            ["register"] = Rows(await session.Query<RegisterEntry>().ToListAsync()),
            ["summaries"] = Rows(await session.Query<CaseSummary>().ToListAsync()),
            ["disclosure log"] = Rows(await session.Query<DisclosureLogEntry>().ToListAsync()),
            ["case state"] = Rows(await session.Query<Case>().ToListAsync()),
        };
    }
}
