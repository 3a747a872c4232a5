using Infohus.Projections.Statistics;

namespace Infohus.Specs.Statistics;

public class when_small_cells_are_protected
{
    private static readonly string[] Four = ["a", "b", "c", "d"];

    [Fact]
    public void a_count_from_1_to_4_is_shown_as_less_than_5_and_a_lone_hidden_cell_gets_a_partner()
    {
        var table = SmallCells.Protect(Four, null, new[,] { { 12 }, { 3 }, { 9 }, { 0 } }, 5);

        table.Cells.Select(r => r[0]).ShouldBe(["12", "<5", "..", "0"]);
        table.Total.ShouldBe("24");
        Attack(table).ShouldBeEmpty();
    }

    [Fact]
    public void counts_at_or_above_the_threshold_and_zeros_are_shown_as_they_are()
    {
        var table = SmallCells.Protect(["a", "b"], ["x", "y"], new[,] { { 5, 0 }, { 7, 11 } }, 5);

        table.Cells.ShouldBe([["5", "0"], ["7", "11"]]);
        table.RowTotals.ShouldBe(["5", "18"]);
        table.ColumnTotals.ShouldBe(["12", "11"]);
        table.Total.ShouldBe("23");
    }

    [Fact]
    public void a_small_count_that_two_hidden_cells_would_leave_at_1_to_3_gets_a_third()
    {
        // 2 and 6 hidden with a total of 38: the 2 could only be 1..3 (the ".." is at least 5).
        var table = SmallCells.Protect(Four, null, new[,] { { 2 }, { 6 }, { 10 }, { 20 } }, 5);

        table.Cells.Select(r => r[0]).ShouldBe(["<5", "..", "..", "20"]);
        Attack(table).ShouldBeEmpty();
    }

    [Fact]
    public void two_small_cells_that_could_only_be_1_and_1_are_not_enough()
    {
        var table = SmallCells.Protect(Four, null, new[,] { { 1 }, { 1 }, { 20 }, { 30 } }, 5);

        table.Cells.Select(r => r[0]).ShouldBe(["<5", "<5", "..", "30"]);
        Attack(table).ShouldBeEmpty();
    }

    [Fact]
    public void categories_a_one_dimension_table_hides_are_one_merged_row_in_every_table_of_two()
    {
        // By row, 3 and 9 are hidden in the one-dimension table: two-dimension tables show them only together.
        var counts = new[,] { { 6, 6 }, { 1, 2 }, { 4, 5 }, { 0, 0 } };

        var single = SmallCells.Protect(Four, null, new[,] { { 12 }, { 3 }, { 9 }, { 0 } }, 5);
        var table = SmallCells.Protect(Four, ["x", "y"], counts, 5);

        single.Cells.Select(r => r[0]).ShouldBe(["12", "<5", "..", "0"]);
        table.RowLabels.ShouldBe(["a", "d", "b + c"]);
        table.RowTotals.ShouldBe(["12", "0", "12"]);
        Attack(single, table).ShouldBeEmpty();
    }

    [Fact]
    public void a_period_with_fewer_referrals_than_the_threshold_shows_only_that()
    {
        var table = SmallCells.Protect(["a", "b"], ["x", "y"], new[,] { { 2, 0 }, { 1, 0 } }, 5);

        table.Total.ShouldBe("<5");
        table.Cells.SelectMany(r => r).ShouldAllBe(c => c == "..");
        table.RowTotals!.ShouldAllBe(c => c == "..");
    }

    [Fact]
    public void a_line_whose_small_counts_cannot_be_protected_is_withheld_zeros_included()
    {
        // 1 + 1 + 3 = 5: hiding all three still leaves each at most 3.
        var table = SmallCells.Protect(Four, null, new[,] { { 1 }, { 1 }, { 3 }, { 0 } }, 5);

        table.Cells.Select(r => r[0]).ShouldBe(["..", "..", "..", ".."]);
        table.Total.ShouldBe("5");
        Attack(table).ShouldBeEmpty();
    }

    [Fact]
    public void the_threshold_is_never_below_5()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SmallCells.Protect(["a"], null, new[,] { { 1 } }, 4));
        SmallCells.Protect(["a", "b", "c"], null, new[,] { { 7 }, { 9 }, { 30 } }, 10).Cells.Select(r => r[0]).ShouldBe(["<10", "<10", ".."]);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void no_random_table_nor_its_one_dimension_tables_pin_a_small_count_and_what_is_shown_is_true(int threshold)
    {
        var random = new Random(20261129 + threshold);
        for (var round = 0; round < 300; round++)
        {
            var (rows, columns) = (random.Next(1, 8), random.Next(1, 6));
            var counts = new int[rows, columns];
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                counts[i, j] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, threshold), _ => random.Next(0, 30) };
            var (rowLabels, columnLabels) = (Labels("r", rows), Labels("c", columns));
            var byRow = new int[rows, 1];
            var byColumn = new int[columns, 1];
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
            {
                byRow[i, 0] += counts[i, j];
                byColumn[j, 0] += counts[i, j];
            }

            var table = SmallCells.Protect(rowLabels, columnLabels, counts, threshold);
            var first = SmallCells.Protect(rowLabels, null, byRow, threshold);
            var second = SmallCells.Protect(columnLabels, null, byColumn, threshold);

            var attacker = new StatisticsAttacker(threshold);
            attacker.Read(Published(first, "r"));
            attacker.Read(Published(second, "c"));
            attacker.Read(Published(table, "r", "c"));
            attacker.Attack().ShouldBeEmpty($"round {round}");
            ShownIsTrue(table, rowLabels, columnLabels, counts, threshold);
        }
    }

    private static void ShownIsTrue(ProtectedTable table, string[] rows, string[] columns, int[,] counts, int threshold)
    {
        for (var i = 0; i < table.RowLabels.Count; i++)
        for (var j = 0; j < table.ColumnLabels!.Count; j++)
        {
            var truth = table.RowLabels[i].Split(" + ").Sum(r => table.ColumnLabels[j].Split(" + ")
                .Sum(c => counts[Array.IndexOf(rows, r), Array.IndexOf(columns, c)]));
            var shown = table.Cells[i][j];
            if (shown == "..") continue;
            if (shown.StartsWith('<')) truth.ShouldBeInRange(1, threshold - 1);
            else int.Parse(shown).ShouldBe(truth);
        }
    }

    private static string[] Labels(string prefix, int count) => [.. Enumerable.Range(0, count).Select(k => $"{prefix}{k}")];

    private static IReadOnlyList<Pinned> Attack(params ProtectedTable[] tables)
    {
        var attacker = new StatisticsAttacker(5);
        foreach (var table in tables) attacker.Read(table.ColumnLabels is null ? Published(table, "rows") : Published(table, "rows", "columns"));
        return attacker.Attack();
    }

    private static PublishedTable Published(ProtectedTable table, string first, string? second = null) =>
        new(second is null ? [first] : [first, second], table.RowLabels, table.ColumnLabels, table.Cells, table.RowTotals, table.ColumnTotals, table.Total);
}
