using System.Text;
using System.Text.RegularExpressions;

namespace Infohus.Api;

/// <summary>
/// CSV that a Danish Excel opens correctly: UTF-8 with a byte-order mark (æøå), semicolons between
/// fields, CRLF line ends, quotes only where a field needs them. A field Excel would run as a formula
/// is neutralised (OWASP, CSV injection): one that starts with =, +, -, @, a tab, a carriage return or
/// a line feed gets a leading apostrophe, so Excel shows it as text. A purpose, a recipient's name or a
/// user id comes from a request and may be written to run, e.g. =HYPERLINK("http://…"&amp;H2).
/// </summary>
public static partial class DanishCsv
{
    public static StringBuilder Start() => new("\uFEFF");

    public static StringBuilder Line(this StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(';', fields.Select(Neutralise).Select(Quote))).Append("\r\n");

    /// <summary>A number as this CSV writes it (-3, 12,5) is left as it is: it cannot hold a formula.</summary>
    private static string Neutralise(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' && !PlainNumber().IsMatch(field)
            ? "'" + field
            : field;

    private static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;

    [GeneratedRegex("^-[0-9]+(,[0-9]+)?\\z")]
    private static partial Regex PlainNumber();
}
