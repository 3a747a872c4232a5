using System.Text.Json.Nodes;
using Infohus.Specs.Statistics;
using Marten.Events;
using Xunit.Abstractions;

namespace Infohus.Specs.Api.Statistics;

/// <summary>
/// A member of the steering group who wants a person out of the statistics: asks every period the
/// API lets it ask, every table of one and two dimensions and the half-year report, and solves them
/// together for the hidden counts (README, "Statistics").
/// </summary>
public class when_an_attacker_works_on_the_statistics(InfohusApp app, ITestOutputHelper output) : ApiSpec(app)
{
    private static readonly string[] Dimensions =
    [
        "ageBand", "gender", "nationality", "district", "family", "attachment", "source", "referrerOrganisation", "receivingDepartment",
        "ideology", "concernsExtremism", "concernLevel", "tier", "coursePlan", "petEaeReported", "evaluation", "status", "deadlineMissed",
    ];

    [Fact]
    public async Task no_two_periods_it_can_ask_for_overlap_so_none_can_be_subtracted_from_another()
    {
        var starts = Enumerable.Range(0, 15).Select(m => new DateOnly(2025, 12, 1).AddMonths(m))
            .SelectMany(d => new[] { d, d.AddDays(1) }).ToList();
        var accepted = new List<(DateOnly From, DateOnly To)>();
        foreach (var from in starts)
        foreach (var to in starts.Where(t => t > from))
        {
            var answer = await Host.Get($"/api/statistics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&by=district", Caller.Steering);
            if (answer.Status == HttpStatusCode.OK) accepted.Add((from, to));
            else answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
        }

        accepted.ShouldBe([(new(2026, 1, 1), new(2026, 7, 1)), (new(2026, 7, 1), new(2027, 1, 1))], ignoreOrder: true);
        foreach (var a in accepted)
        foreach (var b in accepted.Where(b => b != a))
            (a.To <= b.From || b.To <= a.From).ShouldBeTrue($"{a} and {b} overlap");
        foreach (var query in new[] { "from=0001-01-01", "from=2026-01-01&to=2026-12-31", "to=2026-07-01", "from=9999-01-01" })
            (await Host.Get($"/api/statistics?{query}&by=gender", Caller.Steering)).Status.ShouldBe(HttpStatusCode.BadRequest, query);
    }

    [Fact]
    public async Task no_small_count_is_pinned_by_every_table_of_a_half_year_solved_together()
    {
        // A small municipality's year: about 25 referrals a month over five districts.
        await Host.Seed(300, seed: 1315, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        foreach (var (half, from, to) in new[] { (1, "2026-01-01", "2026-07-01"), (2, "2026-07-01", "2027-01-01") })
        {
            var attacker = new StatisticsAttacker(5);
            var hidden = 0;
            foreach (var first in Dimensions)
            foreach (var by in Dimensions.SkipWhile(d => d != first).Select(second => second == first ? first : $"{first},{second}"))
            {
                var answer = await Host.Get($"/api/statistics?from={from}&to={to}&by={by}", Caller.Steering);
                answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
                attacker.Read(PublishedTable.FromJson(answer.Body!["table"]!));
                hidden += Hidden(answer.Body!["table"]!);
            }
            var report = await Host.Get($"/api/statistics/half-years/2026/{half}", Caller.Steering);
            foreach (var table in report.Body!["tables"]!.AsArray()) attacker.Read(PublishedTable.FromJson(table!));

            var pinned = attacker.Attack();

            attacker.Tables.ShouldBe(Dimensions.Length * (Dimensions.Length + 1) / 2 + 7);
            pinned.ShouldBeEmpty($"half {half}: " + string.Join("; ", pinned));
            output.WriteLine($"2026 half {half}: {attacker.Tables} tables solved together, {hidden} cells hidden, nothing pinned");
        }
    }

    [Fact]
    public async Task the_half_year_report_of_a_realistic_year_stays_useful_and_a_repeated_question_gets_the_same_answer()
    {
        await Host.Seed(300, seed: 2026, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var report = await Host.Get("/api/statistics/half-years/2026/1", Caller.Steering);
        var again = await Host.Get("/api/statistics/half-years/2026/1", Caller.Steering);

        again.Body!["tables"]!.ToJsonString().ShouldBe(report.Body!["tables"]!.ToJsonString());
        var cells = report.Body!["tables"]!.AsArray().SelectMany(t => t!["rows"]!.AsArray().SelectMany(r => r!["cells"]!.AsArray()))
            .Select(c => c!.GetValue<string>()).ToList();
        var nonZero = cells.Count(c => c != "0");
        var hidden = cells.Count(c => c == ".." || c.StartsWith('<'));
        var secondary = cells.Count(c => c == "..");
        output.WriteLine($"Half-year report, 2026/1, ~150 referrals: {cells.Count} cells, {nonZero} not zero, {hidden} hidden ({100.0 * hidden / nonZero:0}% of the non-zero), of which {secondary} only to protect others");
        ((double)hidden / nonZero).ShouldBeLessThan(0.5, "the steering group still reads most of its figures");
    }

    private static int Hidden(JsonNode table) =>
        table["rows"]!.AsArray().SelectMany(r => r!["cells"]!.AsArray()).Count(c => c!.GetValue<string>() is ".." || c.GetValue<string>().StartsWith('<'));
}
