using Infohus.Projections.Statistics;

namespace Infohus.Specs.Statistics;

/// <summary>
/// The specs' own reading of a protected table, written apart from the suppression code: what an
/// outsider sees, and whether any hidden value can be pinned down from it.
/// </summary>
public static class ShownTable
{
    public static int? Value(string shown) => int.TryParse(shown, out var n) ? n : null;

    /// <summary>Every line (row or column, with its total) where a hidden value is recoverable, described.</summary>
    public static IReadOnlyList<string> Leaks(ProtectedTable table, int threshold)
    {
        var leaks = new List<string>();
        var all = table.Cells.SelectMany(r => r).Concat(table.ColumnTotals).Append(table.Total).Concat(table.RowTotals ?? []);
        leaks.AddRange(all.Where(s => Value(s) is > 0 and var v && v < threshold).Select(s => $"small count {s} shown"));

        // A hidden value as an outsider knows it: "<t" lies in 1..t-1, ".." is at least t.
        (long Low, long High) Known(string shown) => shown == SmallCells.Secondary ? (threshold, 1_000_000) : (1, threshold - 1);

        void Line(string name, IReadOnlyList<string> members, string total)
        {
            var hidden = members.Where(m => Value(m) is null).ToList();
            if (Value(total) is { } sum)
            {
                var hiddenSum = sum - members.Sum(m => Value(m) ?? 0);
                for (var k = 0; k < hidden.Count; k++)
                {
                    var others = hidden.Where((_, i) => i != k).Select(Known).ToList();
                    var (low, high) = Known(hidden[k]);
                    var from = Math.Max(low, hiddenSum - others.Sum(o => o.High));
                    var to = Math.Min(high, hiddenSum - others.Sum(o => o.Low));
                    if (to - from < 1) leaks.Add($"{name}: hidden cell {k} must be {from}");
                }
            }
            else if (hidden.Count == 0)
            {
                leaks.Add($"{name}: hidden total = sum of its shown cells");
            }
        }

        var rows = table.Cells.Count;
        var columns = table.ColumnTotals.Count;
        if (table.RowTotals is { } rowTotals)
        {
            for (var i = 0; i < rows; i++) Line($"row {i}", table.Cells[i], rowTotals[i]);
            Line("column totals", table.ColumnTotals, table.Total);
            Line("row totals", rowTotals, table.Total);
        }
        for (var j = 0; j < columns; j++) Line($"column {j}", [.. table.Cells.Select(r => r[j])], table.ColumnTotals[j]);
        return leaks;
    }
}
