using System.Globalization;
using System.Text;
using Infohus.Projections.Statistics;

namespace Infohus.Api.Statistics;

/// <summary>A protected table as the API shows it: every value a count, "&lt;5" or ".."; hidden categories of a two-dimension table merged ("a + b").</summary>
public sealed record StatisticsTable(string Title, IReadOnlyList<string> Dimensions, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, IReadOnlyList<string> ColumnTotals, string Total);

public sealed record TableRow(string Label, IReadOnlyList<string> Cells, string? Total);

public static class StatisticsTables
{
    public const string CountColumn = "referrals";

    /// <summary>Lays the counts out over every category of the dimensions and protects the small cells.</summary>
    public static StatisticsTable Build(string title, RegisterDimension first, RegisterDimension? second, IReadOnlyDictionary<(string, string), int> counts, int threshold)
    {
        // Categories outside the configuration (a district no longer configured) follow in a fixed
        // order, so the same counts always give the same protected table.
        IReadOnlyList<string> rows = [.. first.Categories.Union(counts.Keys.Select(k => k.Item1).Order(StringComparer.Ordinal))];
        IReadOnlyList<string>? columns = second is null ? null : [.. second.Categories.Union(counts.Keys.Select(k => k.Item2).Order(StringComparer.Ordinal))];
        var grid = new int[rows.Count, columns?.Count ?? 1];
        for (var i = 0; i < rows.Count; i++)
        for (var j = 0; j < (columns?.Count ?? 1); j++)
            grid[i, j] = counts.GetValueOrDefault((rows[i], columns?[j] ?? ""));

        var shown = SmallCells.Protect(rows, columns, grid, threshold);
        return new StatisticsTable(title,
            second is null ? [first.Name] : [first.Name, second.Name],
            shown.ColumnLabels ?? [CountColumn],
            [.. shown.RowLabels.Select((label, i) => new TableRow(label, shown.Cells[i], shown.RowTotals?[i]))],
            shown.ColumnTotals, shown.Total);
    }

    /// <summary>The tables as Danish-Excel CSV, each under its title.</summary>
    public static string Csv(IEnumerable<StatisticsTable> tables)
    {
        var csv = DanishCsv.Start();
        foreach (var table in tables)
        {
            csv.Line([table.Title]);
            var hasRowTotals = table.Rows.Any(r => r.Total is not null);
            csv.Line([string.Join(" / ", table.Dimensions), .. table.Columns, .. hasRowTotals ? new[] { "total" } : []]);
            foreach (var row in table.Rows)
                csv.Line([row.Label, .. row.Cells, .. hasRowTotals ? new[] { row.Total! } : []]);
            csv.Line(["total", .. table.ColumnTotals, .. hasRowTotals ? new[] { table.Total } : []]);
            csv.Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>A decimal with a comma, as Danish Excel reads it.</summary>
    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') ?? "";

    public static bool WantsCsv(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    public static IResult CsvResult(string csv, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
}
