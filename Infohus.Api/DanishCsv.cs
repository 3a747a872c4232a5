using System.Text;

namespace Infohus.Api;

/// <summary>
/// CSV that a Danish Excel opens correctly: UTF-8 with a byte-order mark (æøå), semicolons between
/// fields, CRLF line ends, quotes only where a field needs them.
/// </summary>
public static class DanishCsv
{
    public static StringBuilder Start() => new("\uFEFF");

    public static StringBuilder Line(this StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(';', fields.Select(Quote))).Append("\r\n");

    private static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
