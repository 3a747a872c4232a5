using System.Text.Json;

namespace Infohus.Api.Legal;

/// <summary>Row-per-record CSV for legal's logs, in the same Danish-Excel form as the statistics.</summary>
public static class LegalCsv
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = DanishCsv.Start();
        foreach (var row in rows.Prepend(header)) csv.Line(row);
        return csv.ToString();
    }

    /// <summary>An enum as the API writes it: kebab-case.</summary>
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
