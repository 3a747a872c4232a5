using System.Text;

namespace Infohus.Api.Web.Tilsyn;

/// <summary>
/// The statistics pages' downloads: the figures of the page under the page's Danish words (never
/// codes), in the Danish-Excel CSV of <see cref="DanishCsv"/> (UTF-8 with BOM, semicolons, CRLF, CSV
/// injection neutralised). <c>&lt;5</c> and <c>..</c> stay as the page shows them.
/// </summary>
public static class StatistikCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Skriv(string overskrift, IEnumerable<string> forklaring, IEnumerable<Figur> figurer)
    {
        var csv = DanishCsv.Start();
        csv.Line([overskrift]);
        foreach (var line in forklaring) csv.Line([line]);
        csv.Append("\r\n");
        foreach (var figur in figurer)
        {
            csv.Line([figur.Titel]);
            csv.Line(figur.Kolonner);
            foreach (var row in figur.Raekker) csv.Line(row);
            if (figur.IAlt is { } totals) csv.Line(totals);
            if (figur.Note is { } note) csv.Line([note]);
            csv.Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
