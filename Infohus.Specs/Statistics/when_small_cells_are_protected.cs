using Infohus.Projections.Statistics;

namespace Infohus.Specs.Statistics;

public class when_small_cells_are_protected
{
    [Fact]
    public void a_count_from_1_to_4_is_shown_as_less_than_5_and_a_lone_hidden_cell_gets_a_partner()
    {
        var table = SmallCells.Protect(new[,] { { 12 }, { 3 }, { 9 }, { 0 } }, 5);

        table.Cells.Select(r => r[0]).ShouldBe(["12", "<5", "..", "0"]);
        table.Total.ShouldBe("24");
        ShownTable.Leaks(table, 5).ShouldBeEmpty();
    }

    [Fact]
    public void counts_at_or_above_the_threshold_and_zeros_are_shown_as_they_are()
    {
        var table = SmallCells.Protect(new[,] { { 5, 0 }, { 7, 11 } }, 5);

        table.Cells.ShouldBe([["5", "0"], ["7", "11"]]);
        table.RowTotals.ShouldBe(["5", "18"]);
        table.ColumnTotals.ShouldBe(["12", "11"]);
        table.Total.ShouldBe("23");
    }

    [Fact]
    public void two_hidden_cells_whose_sum_is_small_are_not_enough()
    {
        // 1 + 1 = 2 = total - shown: both would be pinned to 1.
        var table = SmallCells.Protect(new[,] { { 1 }, { 1 }, { 20 }, { 30 } }, 5);

        ShownTable.Leaks(table, 5).ShouldBeEmpty();
        table.Cells[2][0].ShouldBe("..");
    }

    [Fact]
    public void two_small_cells_that_could_only_be_4_and_4_get_a_third()
    {
        var table = SmallCells.Protect(new[,] { { 4 }, { 4 }, { 30 } }, 5);

        table.Cells.Select(r => r[0]).ShouldBe(["<5", "<5", ".."]);
        ShownTable.Leaks(table, 5).ShouldBeEmpty();
    }

    [Fact]
    public void a_small_total_is_hidden_with_a_cell_of_its_line()
    {
        var table = SmallCells.Protect(new[,] { { 2, 1 }, { 10, 20 } }, 5);

        table.RowTotals![0].ShouldBe("<5");
        ShownTable.Leaks(table, 5).ShouldBeEmpty();
    }

    [Fact]
    public void the_threshold_is_never_below_3()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SmallCells.Protect(new[,] { { 1 } }, 2));
        SmallCells.Protect(new[,] { { 2 }, { 9 }, { 9 } }, 3).Cells[0][0].ShouldBe("<3");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void no_random_table_of_one_or_two_dimensions_leaks_a_hidden_cell(int threshold)
    {
        var random = new Random(20261125 + threshold);
        for (var round = 0; round < 2000; round++)
        {
            var rows = random.Next(1, 9);
            var columns = random.Next(1, 7);
            var counts = new int[rows, columns];
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                counts[i, j] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, threshold), _ => random.Next(0, 40) };

            var table = SmallCells.Protect(counts, threshold);

            ShownTable.Leaks(table, threshold).ShouldBeEmpty($"round {round}");
            // What is shown is true.
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                if (ShownTable.Value(table.Cells[i][j]) is { } shown) shown.ShouldBe(counts[i, j]);
        }
    }
}
