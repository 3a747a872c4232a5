using Google.OrTools.LinearSolver;

namespace Infohus.Projections.Statistics;

/// <summary>
/// The interval audit of a table whose margins are public (τ-Argus's check): for a hidden small
/// count, the smallest and largest value consistent with everything shown, by linear programming.
/// The outsider is assumed to know which hidden cells are small ("&lt;5": 1..threshold-1) and which
/// are not (".." at least the threshold), and that each row and column sums to its margin. The
/// constraints are those of a transportation problem, so the bounds the solver finds are whole
/// numbers: exactly what an attacker with an integer solver would find.
/// </summary>
public sealed class HiddenCellBounds : IDisposable
{
    private readonly int[,] _grid;
    private readonly int _threshold;
    private readonly bool[,] _hidden;
    private readonly Solver _solver;
    private readonly Variable[,] _cells;
    private readonly long[] _rowSums;
    private readonly long[] _columnSums;

    /// <summary>Every cell an unknown of the programme; a shown cell is one whose bounds are its value.</summary>
    public HiddenCellBounds(int[,] grid, int threshold)
    {
        (_grid, _threshold) = (grid, threshold);
        int rows = grid.GetLength(0), columns = grid.GetLength(1);
        _hidden = new bool[rows, columns];
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP linear solver is not available.");
        _cells = new Variable[rows, columns];
        (_rowSums, _columnSums) = (new long[rows], new long[columns]);
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            _rowSums[i] += grid[i, j];
            _columnSums[j] += grid[i, j];
            _cells[i, j] = _solver.MakeNumVar(grid[i, j], grid[i, j], $"x{i}_{j}");
        }
        for (var i = 0; i < rows; i++)
        {
            var row = _solver.MakeConstraint(_rowSums[i], _rowSums[i]);
            for (var j = 0; j < columns; j++) row.SetCoefficient(_cells[i, j], 1);
        }
        for (var j = 0; j < columns; j++)
        {
            var column = _solver.MakeConstraint(_columnSums[j], _columnSums[j]);
            for (var i = 0; i < rows; i++) column.SetCoefficient(_cells[i, j], 1);
        }
    }

    public int Rows => _grid.GetLength(0);

    public int Columns => _grid.GetLength(1);

    public bool IsHidden(int row, int column) => _hidden[row, column];

    public void Hide(int row, int column)
    {
        _hidden[row, column] = true;
        var value = _grid[row, column];
        if (value < _threshold) _cells[row, column].SetBounds(1, _threshold - 1);
        else _cells[row, column].SetBounds(_threshold, Math.Min(_rowSums[row], _columnSums[column]));
    }

    public void Show(int row, int column)
    {
        _hidden[row, column] = false;
        _cells[row, column].SetBounds(_grid[row, column], _grid[row, column]);
    }

    /// <summary>How many values a hidden cell can still take, less one: the width of its feasible interval.</summary>
    public long Range(int row, int column)
    {
        var x = _cells[row, column];
        var objective = _solver.Objective();
        objective.Clear();
        objective.SetCoefficient(x, 1);
        objective.SetMaximization();
        var highest = Solve(x);
        objective.SetMinimization();
        return highest - Solve(x);
    }

    /// <summary>The first hidden small count whose feasible interval is narrower than <paramref name="leastRange"/>, if any.</summary>
    public (int Row, int Column)? FirstPinned(int leastRange)
    {
        for (var i = 0; i < Rows; i++)
        for (var j = 0; j < Columns; j++)
            if (_hidden[i, j] && _grid[i, j] < _threshold && Range(i, j) < leastRange)
                return (i, j);
        return null;
    }

    private long Solve(Variable x)
    {
        var status = _solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL) throw new InvalidOperationException($"The interval audit found no solution ({status}).");
        return (long)Math.Round(x.SolutionValue());
    }

    public void Dispose() => _solver.Dispose();
}
