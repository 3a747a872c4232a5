namespace Infohus.Projections.Statistics;

/// <summary>
/// Disclosure control for the register's tables of one reporting period (README, "Statistics").
/// <para>
/// What must hold: no count from 1 to threshold-1 can be worked out, exactly or to within ±1, from all
/// the tables of a period together. Periods are whole half-years and never overlap, so no two answers
/// can be subtracted; inside a period every table is protected so that every margin it publishes is
/// public anyway, which keeps the tables independent of each other:
/// </para>
/// <list type="number">
/// <item>A table of one dimension shows counts from 1 to threshold-1 as "&lt;5" and hides more cells as ".."
/// (smallest first) until every "&lt;5" can still be any value from 1 to threshold-1 given the total.</item>
/// <item>A table of two dimensions shows the categories its two one-dimension tables hid as one merged row
/// or column ("a + b"), whose total is public (the period's total less the shown categories). Its
/// margins are then all public; inside it, "&lt;5" and ".." are placed until the feasible interval of
/// every "&lt;5", solved as a linear programme over the table (<see cref="HiddenCellBounds"/>), still spans
/// 1 to threshold-1.</item>
/// <item>Where no such placement exists, every cell of the table is withheld as "..", zeros too, and only
/// the margins are shown; a period with fewer referrals than the threshold shows "&lt;5" as its total and
/// nothing else.</item>
/// </list>
/// </summary>
public static class SmallCells
{
    /// <summary>Anywhere, the threshold is at least 5: with "&lt;3" a hidden count would already be 1 or 2.</summary>
    public const int LowestThreshold = 5;

    /// <summary>A count withheld so that a small one cannot be worked out (Statistics Denmark's "..").</summary>
    public const string Secondary = "..";

    /// <summary>Joins the categories of a merged row or column.</summary>
    public const string MergedSeparator = " + ";

    /// <summary>A hidden small count keeps at least this range open: more than "x ± 1".</summary>
    public const int LeastRange = 3;

    /// <param name="rows">the first dimension's categories, in the order shown.</param>
    /// <param name="columns">the second dimension's categories; null for a table of one dimension.</param>
    /// <param name="counts">rows × columns (one column when <paramref name="columns"/> is null).</param>
    public static ProtectedTable Protect(IReadOnlyList<string> rows, IReadOnlyList<string>? columns, int[,] counts, int threshold)
    {
        if (threshold < LowestThreshold) throw new ArgumentOutOfRangeException(nameof(threshold), $"The threshold is never below {LowestThreshold}.");
        if (counts.GetLength(0) != rows.Count || counts.GetLength(1) != (columns?.Count ?? 1))
            throw new ArgumentException("The counts do not match the categories.", nameof(counts));

        var rowSums = Sums(counts, byRow: true);
        var total = rowSums.Sum();
        var rowLine = ProtectLine(rowSums, threshold);
        if (columns is null)
            return new ProtectedTable(rows, null, [.. rowLine.Shown.Select(s => (IReadOnlyList<string>)[s])], null, [rowLine.Total], rowLine.Total);

        var small = $"<{threshold}";
        if (total < threshold)
        {
            // Fewer referrals than the threshold in the whole period: nothing but that.
            var none = total == 0 ? "0" : Secondary;
            return new ProtectedTable(rows, columns,
                [.. rows.Select(_ => (IReadOnlyList<string>)[.. columns.Select(_ => none)])],
                [.. rows.Select(_ => none)], [.. columns.Select(_ => none)], total == 0 ? "0" : small);
        }

        var columnSums = Sums(counts, byRow: false);
        var columnLine = ProtectLine(columnSums, threshold);
        var rowGroups = Groups(rowLine.Hidden);
        var columnGroups = Groups(columnLine.Hidden);
        var grid = new int[rowGroups.Count, columnGroups.Count];
        for (var i = 0; i < rows.Count; i++)
        for (var j = 0; j < columns.Count; j++)
            grid[rowGroups.FindIndex(g => g.Contains(i)), columnGroups.FindIndex(g => g.Contains(j))] += counts[i, j];

        var interior = ProtectInterior(grid, threshold);
        string Show(int value, bool hidden) => !hidden ? value.ToString() : interior.Withheld || value >= threshold ? Secondary : small;
        return new ProtectedTable(
            [.. rowGroups.Select(g => Label(rows, g))],
            [.. columnGroups.Select(g => Label(columns, g))],
            [.. Enumerable.Range(0, rowGroups.Count).Select(i => (IReadOnlyList<string>)[.. Enumerable.Range(0, columnGroups.Count).Select(j => Show(grid[i, j], interior.Hidden[i, j]))])],
            [.. rowGroups.Select(g => g.Sum(i => rowSums[i]).ToString())],
            [.. columnGroups.Select(g => g.Sum(j => columnSums[j]).ToString())],
            total.ToString());
    }

    /// <summary>A line of categories with its total, as shown, and which categories are hidden.</summary>
    private sealed record Line(IReadOnlyList<string> Shown, IReadOnlyList<bool> Hidden, string Total);

    private static Line ProtectLine(int[] counts, int threshold)
    {
        var total = counts.Sum();
        var small = $"<{threshold}";
        if (total == 0) return new Line([.. counts.Select(_ => "0")], [.. counts.Select(_ => false)], "0");
        if (total < threshold) return Withheld(counts, small);

        var hidden = counts.Select(c => c > 0 && c < threshold).ToArray();
        while (!LineIsSafe(counts, hidden, total, threshold))
        {
            var next = Enumerable.Range(0, counts.Length).Where(k => !hidden[k] && counts[k] > 0)
                .OrderBy(k => counts[k]).ThenBy(k => k).Cast<int?>().FirstOrDefault();
            if (next is not { } k) return Withheld(counts, total.ToString());
            hidden[k] = true;
        }
        return new Line([.. counts.Select((c, k) => !hidden[k] ? c.ToString() : c < threshold ? small : Secondary)], hidden, total.ToString());
    }

    /// <summary>No cell shown, zeros included, so not even which categories are empty is known.</summary>
    private static Line Withheld(int[] counts, string total) => new([.. counts.Select(_ => Secondary)], [.. counts.Select(_ => true)], total);

    /// <summary>
    /// In a line with a shown total, what an outsider knows of each hidden small count: the hidden
    /// cells sum to the total less the shown ones, "&lt;5" lies in 1..4, ".." is at least 5.
    /// </summary>
    private static bool LineIsSafe(int[] counts, bool[] hidden, int total, int threshold)
    {
        var cells = Enumerable.Range(0, counts.Length).Where(k => hidden[k]).ToList();
        long hiddenSum = total - Enumerable.Range(0, counts.Length).Where(k => !hidden[k]).Sum(k => counts[k]);
        long Low(int k) => counts[k] < threshold ? 1 : threshold;
        long High(int k) => counts[k] < threshold ? threshold - 1 : long.MaxValue / 4;
        return cells.Where(k => counts[k] < threshold).All(k =>
        {
            var others = cells.Where(o => o != k).ToList();
            var highest = Math.Min(threshold - 1, hiddenSum - others.Sum(Low));
            var lowest = Math.Max(1, hiddenSum - others.Sum(High));
            return highest - lowest >= LeastRange;
        });
    }

    private sealed record Interior(bool[,] Hidden, bool Withheld);

    /// <summary>
    /// Hides the small cells of a grid whose margins are all public, then, while a small one is pinned,
    /// more cells. First the cheapest rectangle around the pinned cell whose corners can move far
    /// enough (τ-Argus's hypercube idea): hidden, the pinned cell can then take every value from 1 to
    /// threshold-1. Where no rectangle will do, the one shown cell that widens the pinned cell's
    /// interval most (then one in its row or column, then the largest, which has the most room).
    /// Every step is checked by the interval audit; where nothing helps, the table is withheld.
    /// </summary>
    private static Interior ProtectInterior(int[,] grid, int threshold)
    {
        using var audit = new HiddenCellBounds(grid, threshold);
        int rows = audit.Rows, columns = audit.Columns;
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            if (grid[i, j] > 0 && grid[i, j] < threshold) audit.Hide(i, j);

        while (audit.FirstPinned(LeastRange) is var (row, column))
        {
            if (Rectangle(grid, audit, threshold, row, column) is { } corners)
            {
                foreach (var (i, j) in corners) audit.Hide(i, j);
                continue;
            }

            var candidates = new List<(int I, int J, long Range)>();
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
            {
                if (audit.IsHidden(i, j) || grid[i, j] == 0) continue;
                audit.Hide(i, j);
                candidates.Add((i, j, audit.Range(row, column)));
                audit.Show(i, j);
            }
            if (candidates.Count == 0) return new Interior(Everything(rows, columns), Withheld: true);

            var best = candidates.OrderByDescending(c => c.Range).ThenBy(c => c.I == row || c.J == column ? 0 : 1)
                .ThenByDescending(c => grid[c.I, c.J]).ThenBy(c => c.I).ThenBy(c => c.J).First();
            audit.Hide(best.I, best.J);
        }

        var hidden = new bool[rows, columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            hidden[i, j] = audit.IsHidden(i, j);
        return new Interior(hidden, Withheld: false);
    }

    /// <summary>
    /// The three other corners (i, l), (k, j), (k, l) of the cheapest rectangle along which the small
    /// count at (i, j) can move down to 1 and up to threshold-1 within what an outsider knows of each
    /// corner ("&lt;5" 1..threshold-1, ".." at least the threshold), counting only the shown cells it hides.
    /// </summary>
    private static (int, int)[]? Rectangle(int[,] grid, HiddenCellBounds audit, int threshold, int i, int j)
    {
        var value = grid[i, j];
        var (up, down) = ((long)threshold - 1 - value, (long)value - 1);
        long Below(int r, int c) => grid[r, c] < threshold ? grid[r, c] - 1 : grid[r, c] - threshold;
        long Above(int r, int c) => grid[r, c] < threshold ? threshold - 1 - grid[r, c] : long.MaxValue;
        bool Against(int r, int c) => grid[r, c] > 0 && Below(r, c) >= up && Above(r, c) >= down;
        bool Along(int r, int c) => grid[r, c] > 0 && Above(r, c) >= up && Below(r, c) >= down;

        (int, int)[]? best = null;
        var cheapest = long.MaxValue;
        for (var k = 0; k < audit.Rows; k++)
        for (var l = 0; l < audit.Columns; l++)
        {
            if (k == i || l == j || !Against(i, l) || !Against(k, j) || !Along(k, l)) continue;
            (int, int)[] corners = [(i, l), (k, j), (k, l)];
            var cost = corners.Where(c => !audit.IsHidden(c.Item1, c.Item2)).Sum(c => (long)grid[c.Item1, c.Item2]);
            if (cost >= cheapest) continue;
            (best, cheapest) = (corners, cost);
        }
        return best;
    }

    private static bool[,] Everything(int rows, int columns)
    {
        var all = new bool[rows, columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            all[i, j] = true;
        return all;
    }

    /// <summary>Each shown category alone, then the hidden ones together (if any) as one group.</summary>
    private static List<IReadOnlyList<int>> Groups(IReadOnlyList<bool> hidden)
    {
        var groups = Enumerable.Range(0, hidden.Count).Where(k => !hidden[k]).Select(k => (IReadOnlyList<int>)[k]).ToList();
        IReadOnlyList<int> merged = [.. Enumerable.Range(0, hidden.Count).Where(k => hidden[k])];
        if (merged.Count > 0) groups.Add(merged);
        return groups;
    }

    private static string Label(IReadOnlyList<string> categories, IReadOnlyList<int> group) =>
        string.Join(MergedSeparator, group.Select(k => categories[k]));

    private static int[] Sums(int[,] counts, bool byRow)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var sums = new int[byRow ? rows : columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            sums[byRow ? i : j] += counts[i, j];
        return sums;
    }
}

/// <summary>
/// A table as it may be shown: every value a count, "&lt;threshold" or "..". Row and column labels
/// are categories, or hidden categories merged ("a + b") in a table of two dimensions.
/// </summary>
public sealed record ProtectedTable(
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string>? ColumnLabels,
    IReadOnlyList<IReadOnlyList<string>> Cells,
    IReadOnlyList<string>? RowTotals,
    IReadOnlyList<string> ColumnTotals,
    string Total);
