using System.Text.Json.Nodes;
using Infohus.Specs.Statistics;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Statistics;

public class when_the_steering_group_reads_statistics(InfohusApp app) : ApiSpec(app)
{
    // The first half of 2026 in Danish time; seeded referrals spread from December to August.
    private static readonly DateTimeOffset SeedFrom = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SeedTo = new(2026, 8, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HalfFrom = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset HalfTo = new(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(2));

    public static TheoryData<string, string?> Pairs() => new()
    {
        { "gender", "tier" },
        { "ageBand", "source" },
        { "district", null },
        { "coursePlan", "petEaeReported" },
        { "nationality", "status" },
        { "concernLevel", "evaluation" },
        { "ideology", "family" },
        { "attachment", "receivingDepartment" },
        { "referrerOrganisation", null },
        { "concernsExtremism", "ageBand" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task the_counts_match_the_seeded_cases_and_no_small_cell_is_shown_or_recoverable(string first, string? second)
    {
        var seeded = await Seed();

        var by = second is null ? first : $"{first},{second}";
        var answer = await Host.Get($"/api/statistics?from=2026-01-01&to=2026-07-01&by={by}", Caller.Steering);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Body!["freshness"]!["current"]!.GetValue<bool>().ShouldBeTrue();
        var table = answer.Body!["table"]!;
        var expected = seeded.Where(c => c.ReferredAt >= HalfFrom && c.ReferredAt < HalfTo)
            .GroupBy(c => (Category(first, c), second is null ? null : Category(second, c)))
            .ToDictionary(g => g.Key, g => g.Count());
        AssertTable(table, expected, second is not null);
    }

    [Fact]
    public async Task the_half_year_report_holds_the_steering_groups_figures_and_reaction_times()
    {
        var seeded = await Seed();
        var inHalf = seeded.Where(c => c.ReferredAt >= HalfFrom && c.ReferredAt < HalfTo).ToList();

        var answer = await Host.Get("/api/statistics/half-years/2026/1", Caller.Auditor);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var tables = answer.Body!["tables"]!.AsArray();
        tables.Select(t => string.Join("/", t!["dimensions"]!.AsArray().Select(d => d!.GetValue<string>())))
            .ShouldBe(["source/tier", "concernLevel", "coursePlan", "petEaeReported", "evaluation", "status", "concernLevel/deadlineMissed"]);
        AssertTable(tables[0]!, inHalf.GroupBy(c => (Category("source", c), (string?)Category("tier", c))).ToDictionary(g => g.Key, g => g.Count()), twoDimensions: true);
        AssertTable(tables[3]!, inHalf.GroupBy(c => (Category("petEaeReported", c), (string?)null)).ToDictionary(g => g.Key, g => g.Count()), twoDimensions: false);

        foreach (var share in answer.Body!["deadlineShares"]!.AsArray())
        {
            var cases = inHalf.Count(c => c.Level == share!["concernLevel"]!.GetValue<string>());
            if (cases >= 5) share!["withinDeadline"]!.GetValue<double>().ShouldBe(1.0, "the seeded cases were all handled in time");
            else share!["withinDeadline"].ShouldBeNull();
        }

        foreach (var line in answer.Body!["reactionTimes"]!.AsArray())
        {
            var level = line!["concernLevel"]!.GetValue<string>();
            var hours = inHalf.Where(c => c.Level == level && c.ReactionHours is not null).Select(c => c.ReactionHours!.Value).Order().ToList();
            if (hours.Count < 5)
            {
                line["cases"]!.GetValue<string>().ShouldBe("<5");
                line["medianHours"].ShouldBeNull();
                continue;
            }
            line["cases"]!.GetValue<string>().ShouldBe(hours.Count.ToString());
            line["medianHours"]!.GetValue<double>().ShouldBe(Percentile(hours, 0.5), 0.01);
            line["percentile90Hours"]!.GetValue<double>().ShouldBe(Percentile(hours, 0.9), 0.01);
        }
    }

    [Fact]
    public async Task the_csv_opens_in_danish_excel_and_reads_back_to_the_same_table()
    {
        await Seed();
        var json = await Host.Get("/api/statistics?from=2026-01-01&to=2026-07-01&by=nationality,gender", Caller.Steering);

        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/statistics?from=2026-01-01&to=2026-07-01&by=nationality,gender");
            s.WithRequestHeader("Accept", "text/csv");
            s.WithRequestHeader("Authorization", $"Bearer {Host.TokenFor(Caller.Steering)}");
        });

        result.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
        var body = result.Context.Response.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte-order mark, so Excel reads UTF-8");
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        lines[0].ShouldStartWith("Referrals 2026-01-01 to 2026-07-01");
        var header = lines[1].Split(';');
        header[0].ShouldBe("nationality / gender");
        var table = json.Body!["table"]!;
        header[1..^1].ShouldBe(table["columns"]!.AsArray().Select(c => c!.GetValue<string>()));
        var rows = table["rows"]!.AsArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var fields = lines[2 + i].Split(';');
            fields[0].ShouldBe(rows[i]!["label"]!.GetValue<string>());
            fields[1..^1].ShouldBe(rows[i]!["cells"]!.AsArray().Select(c => c!.GetValue<string>()));
            fields[^1].ShouldBe(rows[i]!["total"]!.GetValue<string>());
        }
        lines[2 + rows.Count].Split(';')[^1].ShouldBe(table["total"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_csv_reaches_excel_as_utf8_with_a_bom_semicolons_crlf_and_the_configured_danish_district_names()
    {
        // A municipality that configures its own districts, with Danish letters and one name holding the separator.
        var connection = await SpecDatabases.Fresh("infohus_specs_csv_districts");
        await using var host = await SpecDatabases.Host(connection, builder =>
        {
            builder.UseSetting("Infohus:Projections:DaemonMode", "Solo");
            builder.UseSetting("Infohus:ActionPlan:Districts:0", "løkken-vrå");
            builder.UseSetting("Infohus:ActionPlan:Districts:1", "ærø; fanø");
            builder.UseSetting("Infohus:ActionPlan:Districts:2", "hjørring");
        });
        foreach (var district in Enumerable.Repeat("løkken-vrå", 5).Concat(Enumerable.Repeat("ærø; fanø", 6)))
            await host.Referral(Given.EmployeeReferral() with { Registration = Given.Registration(16, district) });
        await Waiting.Until(async () => (await host.Get("/api/statistics?by=district", Caller.Steering)).Body?["table"]?["total"]?.GetValue<string>() == "11",
            "the register to count the referrals");

        var result = await host.Scenario(s =>
        {
            s.Get.Url("/api/statistics?by=district");
            s.WithRequestHeader("Accept", "text/csv");
            s.WithRequestHeader("Authorization", $"Bearer {host.TokenFor(Caller.Steering)}");
        });

        // The current half-year in Danish time: the default period.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
        var from = new DateOnly(today.Year, today.Month < 7 ? 1 : 7, 1);
        var to = from.AddMonths(6);
        var response = result.Context.Response;
        response.Headers.ContentType.ToString().ShouldBe("text/csv; charset=utf-8");
        var disposition = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(response.Headers.ContentDisposition.ToString());
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileName.ShouldBe($"infohus-statistics-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");

        using var buffer = new MemoryStream();
        await response.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        // Byte for byte what Excel opens: BOM, ";" between fields, CRLF, the name with ";" quoted, æ ø å as UTF-8.
        byte[] expected =
        [
            0xEF, 0xBB, 0xBF,
            .. Ascii($"Referrals {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (exclusive) by district\r\n"),
            .. Ascii("district;referrals\r\n"),
            .. Ascii("l"), 0xC3, 0xB8, .. Ascii("kken-vr"), 0xC3, 0xA5, .. Ascii(";5\r\n"),
            .. Ascii("\""), 0xC3, 0xA6, .. Ascii("r"), 0xC3, 0xB8, .. Ascii("; fan"), 0xC3, 0xB8, .. Ascii("\";6\r\n"),
            .. Ascii("hj"), 0xC3, 0xB8, .. Ascii("rring;0\r\n"),
            .. Ascii("total;11\r\n"),
            .. Ascii("\r\n"),
        ];
        Convert.ToHexString(bytes).ShouldBe(Convert.ToHexString(expected), $"as text: {System.Text.Encoding.UTF8.GetString(bytes)}");
    }

    private static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);

    [Fact]
    public async Task the_register_holds_no_name_cpr_number_or_free_text()
    {
        var seeded = await Seed();

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var register = await session.Query<Infohus.Projections.Register.RegisterEntry>().ToListAsync();
        register.Count.ShouldBe(seeded.Count);
        var stored = string.Join("\n", register.Select(r => System.Text.Json.JsonSerializer.Serialize(r)));
        stored.ShouldNotContain("Seeded Person");
        stored.ShouldNotContain("Seeded description");
        stored.ShouldNotContain("v1:");
        (await Api.PersonalData.when_a_case_holds_personal_data.RowsContaining(App.ConnectionString, "Seeded Person")).ShouldBeEmpty();
        (await Api.PersonalData.when_a_case_holds_personal_data.RowsContaining(App.ConnectionString, seeded[0].Description)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("by=name")]
    [InlineData("by=gender,gender")]
    [InlineData("by=gender,tier,source")]
    [InlineData("")]
    [InlineData("by=gender&from=2026-13-01")]
    [InlineData("by=gender&from=2026-06-01&to=2026-01-01")]
    public async Task a_question_the_register_cannot_answer_is_a_400(string query)
    {
        (await Host.Get($"/api/statistics?{query}", Caller.Steering)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("bfu-member", HttpStatusCode.Forbidden)]
    [InlineData("police-member", HttpStatusCode.Forbidden)]
    [InlineData("legal", HttpStatusCode.Forbidden)]
    [InlineData("ssp-consultant", HttpStatusCode.OK)]
    [InlineData("steering-chief", HttpStatusCode.OK)]
    [InlineData("auditor", HttpStatusCode.OK)]
    public async Task members_read_statistics_only_as_the_coordinator(string subject, HttpStatusCode expected)
    {
        var caller = new[] { Caller.BfuMember, Caller.PoliceMember, Caller.Legal, Caller.SspConsultant, Caller.Steering, Caller.Auditor }.Single(c => c.Subject == subject);

        (await Host.Get("/api/statistics?by=gender", caller)).Status.ShouldBe(expected);
        (await Host.Get("/api/statistics/half-years/2026/1", caller)).Status.ShouldBe(expected);
    }

    private async Task<IReadOnlyList<SeededCase>> Seed()
    {
        var seeded = await Host.Seed(200, seed: 4115, SeedFrom, SeedTo);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return seeded;
    }

    /// <summary>The specs' own categories, from the inputs, without the projection's code.</summary>
    private static string Category(string dimension, SeededCase c) => dimension switch
    {
        "gender" => Kebab(c.Registration.Gender),
        "nationality" => Kebab(c.Registration.Nationality),
        "district" => c.Registration.District,
        "family" => Kebab(c.Registration.Family),
        "attachment" => Kebab(c.Registration.Attachment),
        "ideology" => Kebab(c.Registration.Ideology),
        "source" => Kebab(c.Source),
        "referrerOrganisation" => Kebab(c.Organisation),
        "receivingDepartment" => Kebab(c.ReceivedBy),
        "ageBand" => c.Registration.Age switch { null => "unknown", < 12 => "0-11", < 15 => "12-14", < 18 => "15-17", < 25 => "18-24", < 40 => "25-39", _ => "40+" },
        "tier" => c.Tier is { } t ? Kebab(t) : "none",
        "concernLevel" => c.Level ?? "none",
        "concernsExtremism" => c.ConcernsExtremism switch { true => "yes", false => "no", null => "none" },
        "coursePlan" => c.Path switch
        {
            "redirected" => "redirection",
            "specific" => c.Source == ReferralSource.Citizen ? "citizen-guidance" : "hand-over",
            "targeted" => "crisis-team",
            _ => "none"
        },
        "petEaeReported" => c.PetEae ? "yes" : "no",
        "evaluation" => c.Evaluation is { } e ? Kebab(e) : "none",
        "status" => c.Closed ? "closed" : "open",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension))
    };

    private static string Kebab<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    /// <summary>PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks.</summary>
    private static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static void AssertTable(JsonNode table, IReadOnlyDictionary<(string, string?), int> expected, bool twoDimensions)
    {
        // A label is a category, or categories hidden by a one-dimension table merged as "a + b".
        static string[] Parts(string label) => label.Split(" + ");
        var columns = table["columns"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var rows = table["rows"]!.AsArray();
        var withheld = rows.SelectMany(r => r!["cells"]!.AsArray()).All(c => c!.GetValue<string>() == "..");
        foreach (var row in rows)
        {
            var label = row!["label"]!.GetValue<string>();
            var shown = row["cells"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            for (var j = 0; j < columns.Count; j++)
            {
                var truth = Parts(label).Sum(r => twoDimensions
                    ? Parts(columns[j]).Sum(c => expected.GetValueOrDefault((r, c)))
                    : expected.GetValueOrDefault((r, null)));
                Check(shown[j], truth, withheld, $"{label}/{columns[j]}");
            }
        }
        Check(table["total"]!.GetValue<string>(), expected.Values.Sum(), withheld, "total");
        expected.Keys.Select(k => k.Item1).Distinct().ShouldBeSubsetOf(rows.SelectMany(r => Parts(r!["label"]!.GetValue<string>())), "every category with referrals has a row");

        var attacker = new StatisticsAttacker(5);
        attacker.Read(PublishedTable.FromJson(table));
        attacker.Attack().ShouldBeEmpty();
        // A sparse table of two dimensions may be withheld whole (every cell small); one dimension never is here.
        if (!twoDimensions)
            rows.SelectMany(r => r!["cells"]!.AsArray()).Select(c => c!.GetValue<string>()).Where(c => int.TryParse(c, out var n) && n > 0)
                .ShouldNotBeEmpty($"the seeded mix leaves some counts to show: {table.ToJsonString()}");
    }

    private static void Check(string shown, int truth, bool withheld, string where)
    {
        switch (shown)
        {
            case "<5": truth.ShouldBeInRange(1, 4, where); break;
            case "..": if (!withheld) truth.ShouldBeGreaterThanOrEqualTo(5, where); break;
            default: int.Parse(shown).ShouldBe(truth, where); break;
        }
    }
}
