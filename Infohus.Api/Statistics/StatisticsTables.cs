using System.Globalization;
using System.Text;
using Infohus.Projections.Statistics;

namespace Infohus.Api.Statistics;

/// <summary>A protected table as the API shows it: every value a count or "&lt;5".</summary>
public sealed record StatisticsTable(string Title, IReadOnlyList<string> Dimensions, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, IReadOnlyList<string> ColumnTotals, string Total);

public sealed record TableRow(string Label, IReadOnlyList<string> Cells, string? Total);

public static class StatisticsTables
{
    public const string CountColumn = "referrals";

    /// <summary>Lays the counts out over every category of the dimensions and protects the small cells.</summary>
    public static StatisticsTable Build(string title, RegisterDimension first, RegisterDimension? second, IReadOnlyDictionary<(string, string), int> counts, int threshold)
    {
        IReadOnlyList<string> rows = [.. first.Categories.Union(counts.Keys.Select(k => k.Item1))];
        IReadOnlyList<string> columns = second is null ? [""] : [.. second.Categories.Union(counts.Keys.Select(k => k.Item2))];
        var grid = new int[rows.Count, columns.Count];
        for (var i = 0; i < rows.Count; i++)
        for (var j = 0; j < columns.Count; j++)
            grid[i, j] = counts.GetValueOrDefault((rows[i], columns[j]));

        var shown = SmallCells.Protect(grid, threshold);
        return new StatisticsTable(title,
            second is null ? [first.Name] : [first.Name, second.Name],
            second is null ? [CountColumn] : columns,
            [.. rows.Select((label, i) => new TableRow(label, shown.Cells[i], shown.RowTotals?[i]))],
            shown.ColumnTotals, shown.Total);
    }

    /// <summary>
    /// CSV that opens correctly in a Danish Excel: UTF-8 with a byte-order mark (æøå), semicolons
    /// between fields, CRLF line ends, each table under its title.
    /// </summary>
    public static string Csv(IEnumerable<StatisticsTable> tables)
    {
        var csv = new StringBuilder("\uFEFF");
        foreach (var table in tables)
        {
            Line(csv, [table.Title]);
            var hasRowTotals = table.Rows.Any(r => r.Total is not null);
            Line(csv, [string.Join(" / ", table.Dimensions), .. table.Columns, .. hasRowTotals ? new[] { "total" } : []]);
            foreach (var row in table.Rows)
                Line(csv, [row.Label, .. row.Cells, .. hasRowTotals ? new[] { row.Total! } : []]);
            Line(csv, ["total", .. table.ColumnTotals, .. hasRowTotals ? new[] { table.Total } : []]);
            csv.Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>A decimal with a comma, as Danish Excel reads it.</summary>
    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') ?? "";

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(';', fields.Select(Quote))).Append("\r\n");

    private static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;

    public static bool WantsCsv(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    public static IResult CsvResult(string csv, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
}
