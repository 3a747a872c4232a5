namespace Infohus.Projections.Statistics;

/// <summary>
/// Small-cell protection for a table of counts with its margins. A count from 1 to threshold-1 is
/// never shown: it reads "&lt;5" (primary suppression). Then, line by line (each row and column
/// with its total), no hidden value may be recoverable by someone who knows the total, the shown
/// cells and that a "&lt;5" lies between 1 and 4 and a ".." is at least 5: in a line with a shown
/// total every hidden cell must keep at least two possible values, and a hidden total hides at least
/// one cell of its line as well. Cells are hidden as ".." in order of the smallest positive count
/// until every line holds (secondary suppression).
/// </summary>
public static class SmallCells
{
    /// <summary>Anywhere, a cell below 3 is never shown, whatever the configuration.</summary>
    public const int LowestThreshold = 3;

    /// <summary>A count hidden only so that a small one cannot be worked out (Statistics Denmark's "..").</summary>
    public const string Secondary = "..";

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

        // What an outsider knows of a hidden value: 1..threshold-1 for "<5", threshold and up for "..".
        (long Low, long High) Interval((int I, int J) cell) =>
            value[cell.I, cell.J] < threshold ? (1, threshold - 1) : (threshold, int.MaxValue);

        bool Safe((int I, int J)[] members, (int I, int J) total)
        {
            var hiddenMembers = members.Where(m => hidden[m.I, m.J]).ToList();
            if (hidden[total.I, total.J]) return hiddenMembers.Count >= 1;
            if (hiddenMembers.Count == 0) return true;
            if (hiddenMembers.Count == 1) return false;
            long sum = hiddenMembers.Sum(m => value[m.I, m.J]);
            return hiddenMembers.All(cell =>
            {
                var others = hiddenMembers.Where(m => m != cell).Select(Interval).ToList();
                var (low, high) = Interval(cell);
                var possibleLow = Math.Max(low, sum - others.Sum(o => o.High));
                var possibleHigh = Math.Min(high, sum - others.Sum(o => o.Low));
                return possibleHigh - possibleLow >= 1;
            });
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var (members, total) in lines)
            {
                if (Safe(members, total)) continue;

                var next = members.Where(m => !hidden[m.I, m.J] && value[m.I, m.J] > 0)
                    .OrderBy(m => value[m.I, m.J]).Cast<(int I, int J)?>().FirstOrDefault();
                if (next is { } cell) hidden[cell.I, cell.J] = true;
                else if (!hidden[total.I, total.J]) hidden[total.I, total.J] = true;
                else continue;
                changed = true;
            }
        } while (changed);

        string Show(int i, int j) => !hidden[i, j] ? value[i, j].ToString() : value[i, j] < threshold ? $"<{threshold}" : Secondary;
        return new ProtectedTable(
            [.. Enumerable.Range(0, rows).Select(i => (IReadOnlyList<string>)[.. Enumerable.Range(0, columns).Select(j => Show(i, j))])],
            hasRowTotals ? [.. Enumerable.Range(0, rows).Select(i => Show(i, columns))] : null,
            [.. Enumerable.Range(0, columns).Select(j => Show(rows, j))],
            hasRowTotals ? Show(rows, columns) : Show(rows, 0));
    }
}

/// <summary>A table as it may be shown: every value a count, "&lt;threshold" or "..".</summary>
public sealed record ProtectedTable(
    IReadOnlyList<IReadOnlyList<string>> Cells,
    IReadOnlyList<string>? RowTotals,
    IReadOnlyList<string> ColumnTotals,
    string Total);
