namespace Infohus.Projections.Statistics;

/// <summary>
/// Small-cell protection for a table of counts with its margins. A count from 1 to threshold-1 is
/// never shown (primary suppression). Then, line by line (each row and column with its total), no
/// hidden value may be recoverable: a line whose total is shown has either no hidden cell, or at
/// least two whose hidden sum is at least the threshold; a hidden total hides at least one cell of
/// its line as well. Cells are hidden in order of the smallest positive count until every line holds
/// (secondary suppression).
/// </summary>
public static class SmallCells
{
    /// <summary>Anywhere, a cell below 3 is never shown, whatever the configuration.</summary>
    public const int LowestThreshold = 3;

    /// <param name="counts">rows × columns; a one-dimension table has one column and no row totals.</param>
    public static ProtectedTable Protect(int[,] counts, int threshold)
    {
        if (threshold < LowestThreshold) throw new ArgumentOutOfRangeException(nameof(threshold), $"The threshold is never below {LowestThreshold}.");

        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var hasRowTotals = columns > 1;
        // The grid with margins: row `rows` holds the column totals, column `columns` the row totals.
        var value = new int[rows + 1, columns + 1];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            value[i, j] = counts[i, j];
            value[i, columns] += counts[i, j];
            value[rows, j] += counts[i, j];
            value[rows, columns] += counts[i, j];
        }

        var hidden = new bool[rows + 1, columns + 1];
        for (var i = 0; i <= rows; i++)
        for (var j = 0; j <= columns; j++)
            hidden[i, j] = value[i, j] > 0 && value[i, j] < threshold;
        if (!hasRowTotals)
        {
            for (var i = 0; i <= rows; i++) hidden[i, columns] = false;
        }

        var lines = new List<((int I, int J)[] Members, (int I, int J) Total)>();
        if (hasRowTotals)
        {
            for (var i = 0; i <= rows; i++)
                lines.Add(([.. Enumerable.Range(0, columns).Select(j => (i, j))], (i, columns)));
        }
        for (var j = 0; j < columns; j++)
            lines.Add(([.. Enumerable.Range(0, rows).Select(i => (i, j))], (rows, j)));
        if (hasRowTotals)
            lines.Add(([.. Enumerable.Range(0, rows).Select(i => (i, columns))], (rows, columns)));

        bool changed;
        do
        {
            changed = false;
            foreach (var (members, total) in lines)
            {
                var hiddenMembers = members.Where(m => hidden[m.I, m.J]).ToList();
                var hiddenSum = hiddenMembers.Sum(m => value[m.I, m.J]);
                var safe = hidden[total.I, total.J]
                    ? hiddenMembers.Count >= 1 || value[total.I, total.J] == 0
                    : hiddenMembers.Count == 0 || (hiddenMembers.Count >= 2 && hiddenSum >= threshold);
                if (safe) continue;

                var next = members.Where(m => !hidden[m.I, m.J] && value[m.I, m.J] > 0)
                    .OrderBy(m => value[m.I, m.J]).Cast<(int I, int J)?>().FirstOrDefault();
                if (next is { } cell) hidden[cell.I, cell.J] = true;
                else if (!hidden[total.I, total.J]) hidden[total.I, total.J] = true;
                else continue;
                changed = true;
            }
        } while (changed);

        string Show(int i, int j) => hidden[i, j] ? $"<{threshold}" : value[i, j].ToString();
        return new ProtectedTable(
            [.. Enumerable.Range(0, rows).Select(i => (IReadOnlyList<string>)[.. Enumerable.Range(0, columns).Select(j => Show(i, j))])],
            hasRowTotals ? [.. Enumerable.Range(0, rows).Select(i => Show(i, columns))] : null,
            [.. Enumerable.Range(0, columns).Select(j => Show(rows, j))],
            hasRowTotals ? Show(rows, columns) : Show(rows, 0));
    }
}

/// <summary>A table as it may be shown: every value a count or "&lt;threshold".</summary>
public sealed record ProtectedTable(
    IReadOnlyList<IReadOnlyList<string>> Cells,
    IReadOnlyList<string>? RowTotals,
    IReadOnlyList<string> ColumnTotals,
    string Total);
