using System.Text.Json.Nodes;
using Google.OrTools.LinearSolver;

namespace Infohus.Specs.Statistics;

/// <summary>A table as an outsider reads it from an answer: labels and the shown strings.</summary>
public sealed record PublishedTable(
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string>? ColumnLabels,
    IReadOnlyList<IReadOnlyList<string>> Cells,
    IReadOnlyList<string>? RowTotals,
    IReadOnlyList<string> ColumnTotals,
    string Total)
{
    /// <summary>A statistics table as the API answers it in JSON.</summary>
    public static PublishedTable FromJson(JsonNode table)
    {
        var dimensions = table["dimensions"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        var rows = table["rows"]!.AsArray();
        return new PublishedTable(
            dimensions,
            [.. rows.Select(r => r!["label"]!.GetValue<string>())],
            dimensions.Count == 2 ? [.. table["columns"]!.AsArray().Select(c => c!.GetValue<string>())] : null,
            [.. rows.Select(r => (IReadOnlyList<string>)[.. r!["cells"]!.AsArray().Select(c => c!.GetValue<string>())])],
            dimensions.Count == 2 ? [.. rows.Select(r => r!["total"]!.GetValue<string>())] : null,
            [.. table["columnTotals"]!.AsArray().Select(c => c!.GetValue<string>())],
            table["total"]!.GetValue<string>());
    }
}

/// <summary>A count the attacker narrowed to fewer than four possible values reaching into 1..4.</summary>
public sealed record Pinned(string Quantity, long Lowest, long Highest)
{
    public override string ToString() => $"{Quantity} ∈ [{Lowest}, {Highest}]";
}

/// <summary>
/// The attacker on the statistics, written apart from the product's protection: it reads every
/// table of one period it was given as one system of equations over the register's counts (a
/// category of a dimension, a pair of categories, the period's total, each the same unknown wherever
/// it appears; a merged "a + b" the sum of its parts) and bounds every hidden count by integer
/// programming (SCIP), each connected group of unknowns on its own. It knows "&lt;t" is 1..t-1 and
/// ".." at least t, unless a table withholds every cell (then ".." may be anything, zero included).
/// </summary>
public sealed class StatisticsAttacker(int threshold)
{
    private const long Large = 1_000_000;

    /// <summary>The promise: no count from 1 to 4 is worked out, exactly or to within ±1, whatever the threshold.</summary>
    private const int SmallestShown = 5;
    private const string Total = "total";
    private readonly Dictionary<string, (long Low, long High)> _bounds = [];
    private readonly List<Dictionary<string, int>> _equations = [];

    public int Tables { get; private set; }

    public void Read(PublishedTable table)
    {
        Tables++;
        var withheld = table.Cells.SelectMany(r => r).All(c => c == "..");
        var d1 = table.Dimensions[0];
        if (table.Dimensions.Count == 1)
        {
            var parts = new Dictionary<string, int> { [Total] = -1 };
            for (var i = 0; i < table.RowLabels.Count; i++)
            {
                var q = Margin(d1, table.RowLabels[i]);
                Know(q, table.Cells[i][0], withheld);
                parts[q] = parts.GetValueOrDefault(q) + 1;
            }
            Know(Total, table.Total, false);
            _equations.Add(parts);
            return;
        }

        var d2 = table.Dimensions[1];
        var rowQ = table.RowLabels.Select(l => MarginOf(d1, l)).ToList();
        var columnQ = table.ColumnLabels!.Select(l => MarginOf(d2, l)).ToList();
        for (var i = 0; i < rowQ.Count; i++) Know(rowQ[i], table.RowTotals![i], withheld);
        for (var j = 0; j < columnQ.Count; j++) Know(columnQ[j], table.ColumnTotals[j], withheld);
        Know(Total, table.Total, false);
        var totalOfRows = new Dictionary<string, int> { [Total] = -1 };
        foreach (var q in rowQ) totalOfRows[q] = totalOfRows.GetValueOrDefault(q) + 1;
        _equations.Add(totalOfRows);
        var totalOfColumns = new Dictionary<string, int> { [Total] = -1 };
        foreach (var q in columnQ) totalOfColumns[q] = totalOfColumns.GetValueOrDefault(q) + 1;
        _equations.Add(totalOfColumns);

        var cells = new string[rowQ.Count, columnQ.Count];
        for (var i = 0; i < rowQ.Count; i++)
        for (var j = 0; j < columnQ.Count; j++)
        {
            cells[i, j] = CellOf(d1, table.RowLabels[i], d2, table.ColumnLabels![j]);
            Know(cells[i, j], table.Cells[i][j], withheld);
        }
        for (var i = 0; i < rowQ.Count; i++)
            _equations.Add(Enumerable.Range(0, columnQ.Count).Select(j => cells[i, j]).Append(rowQ[i]).Select((q, k) => (q, k)).ToDictionary(p => p.q, p => p.k == columnQ.Count ? -1 : 1));
        for (var j = 0; j < columnQ.Count; j++)
            _equations.Add(Enumerable.Range(0, rowQ.Count).Select(i => cells[i, j]).Append(columnQ[j]).Select((q, k) => (q, k)).ToDictionary(p => p.q, p => p.k == rowQ.Count ? -1 : 1));
    }

    /// <summary>Every hidden count the tables narrow to fewer than four values that reach into 1..4.</summary>
    public IReadOnlyList<Pinned> Attack()
    {
        var unknown = _bounds.Where(b => b.Value.Low != b.Value.High).Select(b => b.Key).ToHashSet();
        var groups = Groups(unknown);
        var pinned = new List<Pinned>();
        foreach (var group in groups)
        {
            using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("SCIP is not available.");
            var variables = group.ToDictionary(q => q, q => solver.MakeIntVar(_bounds[q].Low, _bounds[q].High, q));
            foreach (var equation in _equations.Where(e => e.Keys.Any(group.Contains)))
            {
                var constraint = solver.MakeConstraint(0, 0);
                double constant = 0;
                foreach (var (q, coefficient) in equation)
                {
                    if (variables.TryGetValue(q, out var v)) constraint.SetCoefficient(v, coefficient);
                    else constant += coefficient * _bounds[q].Low;
                }
                constraint.SetBounds(-constant, -constant);
            }

            foreach (var q in group.Where(q => _bounds[q].Low < SmallestShown))
            {
                var objective = solver.Objective();
                objective.Clear();
                objective.SetCoefficient(variables[q], 1);
                objective.SetMaximization();
                var highest = Solve(solver, variables[q]);
                objective.SetMinimization();
                var lowest = Solve(solver, variables[q]);
                if (highest - lowest < 3 && lowest < SmallestShown && highest >= 1) pinned.Add(new Pinned(q, lowest, highest));
            }
        }
        return pinned;
    }

    private static long Solve(Solver solver, Variable x)
    {
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL) throw new InvalidOperationException($"The published tables contradict each other ({status}).");
        return (long)Math.Round(x.SolutionValue());
    }

    private List<HashSet<string>> Groups(HashSet<string> unknown)
    {
        var parent = unknown.ToDictionary(q => q, q => q);
        string Find(string q) => parent[q] == q ? q : parent[q] = Find(parent[q]);
        foreach (var equation in _equations)
        {
            var members = equation.Keys.Where(unknown.Contains).ToList();
            for (var k = 1; k < members.Count; k++) parent[Find(members[k])] = Find(members[0]);
        }
        return [.. unknown.GroupBy(Find).Select(g => g.ToHashSet())];
    }

    private void Know(string quantity, string shown, bool withheld)
    {
        var known = shown switch
        {
            ".." => withheld ? (0L, Large) : (threshold, Large),
            _ when shown.StartsWith('<') => (1L, long.Parse(shown[1..]) - 1),
            _ => (long.Parse(shown), long.Parse(shown))
        };
        _bounds[quantity] = _bounds.TryGetValue(quantity, out var before)
            ? (Math.Max(before.Low, known.Item1), Math.Min(before.High, known.Item2))
            : known;
        if (_bounds[quantity].Low > _bounds[quantity].High) throw new InvalidOperationException($"{quantity} is shown as {shown}, against what other tables show.");
    }

    private static string Margin(string dimension, string category) => $"{dimension}={category}";

    /// <summary>A row or column total; a merged label also adds "the merged count is the sum of its parts".</summary>
    private string MarginOf(string dimension, string label)
    {
        var q = Margin(dimension, label);
        var parts = label.Split(" + ");
        if (parts.Length > 1)
        {
            var equation = parts.ToDictionary(p => Margin(dimension, p), _ => 1);
            equation[q] = -1;
            _equations.Add(equation);
            foreach (var p in parts) _bounds.TryAdd(Margin(dimension, p), (0, Large));
        }
        return q;
    }

    private static string CellOf(string d1, string r, string d2, string c) =>
        string.CompareOrdinal(d1, d2) < 0 ? $"{d1}={r} & {d2}={c}" : $"{d2}={c} & {d1}={r}";
}
