using Infohus.Api.Statistics;
using Infohus.Api.Web.Charts;

namespace Infohus.Api.Web.Tilsyn;

/// <summary>
/// One figure of a statistics page: a Danish title, a table (head, rows, totals) and, where it helps,
/// the bars of a chart drawn from the same cells. The page and its CSV are both written from these,
/// so the download carries the page's words and figures, <c>&lt;5</c> and <c>..</c> included.
/// </summary>
public sealed record Figur(
    string Id,
    string Titel,
    IReadOnlyList<string> Kolonner,
    IReadOnlyList<IReadOnlyList<string>> Raekker,
    IReadOnlyList<string>? IAlt = null,
    IReadOnlyList<Bar>? Soejler = null,
    string? Note = null)
{
    /// <summary>A protected table: a one-dimension table charts its counts, a two-dimension one its row totals.</summary>
    public static Figur Af(string id, string titel, StatisticsTable table, string? note = null)
    {
        var rowTotals = table.Rows.Any(r => r.Total is not null);
        IReadOnlyList<string> head = [StatistikOrd.Hoved(table), .. table.Columns.Select(c => StatistikOrd.Kolonne(table, c)), .. rowTotals ? new[] { StatistikOrd.IAlt } : []];
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)[StatistikOrd.Raekke(table, r.Label), .. r.Cells, .. rowTotals ? new[] { r.Total! } : []]).ToList();
        IReadOnlyList<string> totals = [StatistikOrd.IAlt, .. table.ColumnTotals, .. rowTotals ? new[] { table.Total } : []];
        var bars = table.Rows.Select(r => new Bar(StatistikOrd.Raekke(table, r.Label), rowTotals ? r.Total! : r.Cells[0])).ToList();
        return new Figur(id, titel, head, rows, totals, bars.Count > 0 ? bars : null, note);
    }

    public static Figur Tabel(string id, string titel, IReadOnlyList<string> kolonner, IEnumerable<IReadOnlyList<string>> raekker, string? note = null, bool soejler = false)
    {
        var rows = raekker.ToList();
        return new Figur(id, titel, kolonner, rows, null, soejler ? [.. rows.Select(r => new Bar(r[0], r[1]))] : null, note);
    }

    /// <summary>A chart's title: the figure's title, and for a two-dimension table what its bars count.</summary>
    public string DiagramTitel => Kolonner.Count > 2 && IAlt is not null ? $"{Titel}: {StatistikOrd.IAlt.ToLowerInvariant()} pr. {Kolonner[0].ToLowerInvariant()}" : Titel;
}
