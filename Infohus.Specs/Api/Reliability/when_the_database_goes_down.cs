using System.Collections.Concurrent;
using Alba;
using Infohus.EventStore.Audit;
using Infohus.EventStore.Hosting;
using Infohus.Projections.Cases;
using Infohus.Projections.Register;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Infohus.Specs.Api.Reliability;

/// <summary>
/// PostgreSQL killed (immediate mode, as a crash) and started again under a load of concurrent
/// commands. The spec has a server of its own, so stopping it disturbs no other spec, and an API
/// host as production runs it (the daemon in HotCold, Wolverine balanced).
/// </summary>
[Collection(Infohus.Specs.Support.AloneCollection.Name)]
public sealed class when_the_database_goes_down(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Server = "postgres-outage";
    private const string Database = "infohus_outage";
    private string _connectionString = null!;
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        // Durable, as production: an acknowledged commit must survive the kill.
        _connectionString = await SpecDatabases.Fresh(Database, Server);
        _host = await SpecDatabases.Host(_connectionString, builder => builder.UseSetting("Infohus:Reliability:RetryAfterSeconds", "7"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        LocalPostgres.Stop(Server);
    }

    [Fact]
    public async Task acknowledged_commands_are_kept_the_rest_get_503_and_everything_catches_up_after_the_restart()
    {
        // Its assessment is due in a few seconds: the database is killed before then and kept down past it.
        var late = await _host.Referral(Given.EmployeeReferral() with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-31).AddSeconds(8) });
        var due = await StoredDueAt(late.Id);
        var answers = new ConcurrentQueue<Sent>();
        using var stopLoad = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 6).Select(_ => Task.Run(() => Client(answers, stopLoad.Token))).ToArray();

        // Each step waits on what it sees: commands succeeding, then failing, the probe turning, the clock passing the due time.
        await Waiting.Until(() => Task.FromResult(answers.Count(a => a.Status is 200 or 201) >= 12), "commands succeeding before the kill");
        LocalPostgres.Stop(Server, "immediate");
        var killedAt = DateTimeOffset.UtcNow;
        var stoppedAt = answers.Count;
        killedAt.ShouldBeLessThan(due, "the database was killed before the deadline fell due");
        await Waiting.Until(() => Task.FromResult(answers.Skip(stoppedAt).Any(a => a.Status == 503)), "a command answered 503 after the kill", seconds: 30);
        IScenarioResult ready = null!;
        await Waiting.Until(async () =>
        {
            ready = await _host.Scenario(s => { s.Get.Url("/health/ready"); s.IgnoreStatusCode(); });
            return ready.Context.Response.StatusCode != 200;
        }, "/health/ready to report the database gone", seconds: 30);
        var live = await _host.Scenario(s => { s.Get.Url("/health/live"); s.IgnoreStatusCode(); });
        await Waiting.Until(() => Task.FromResult(DateTimeOffset.UtcNow > due && answers.Skip(stoppedAt).Count(a => a.Status == 503) >= 20),
            "the deadline to fall due during the outage, under load", seconds: 30);

        LocalPostgres.EnsureDatabase(Database, TextWriter.Null, durable: true, server: Server);
        var restartedAt = answers.Count;
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        // The same host, not restarted: it must serve again on its own.
        await Waiting.Until(() => Task.FromResult(answers.Skip(restartedAt).Any(a => a.Status is 200 or 201)), "a command succeeding after the restart");
        var recoveredIn = restarted.Elapsed;
        await Waiting.Until(() => Task.FromResult(answers.Skip(restartedAt).Count(a => a.Status is 200 or 201) >= 20), "commands succeeding after the restart");
        await stopLoad.CancelAsync();
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(60));
        var readyAgain = await _host.Scenario(s => { s.Get.Url("/health/ready"); s.IgnoreStatusCode(); });

        ready.Context.Response.StatusCode.ShouldBe(503, "ready while the database is down");
        live.Context.Response.StatusCode.ShouldBe(200, "the process itself lives");
        readyAgain.Context.Response.StatusCode.ShouldBe(200, "ready once the database is back");

        var all = answers.ToList();
        output.WriteLine($"{all.Count} answers: {string.Join(", ", all.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}; " +
            $"slowest 503 {all.Where(a => a.Status == 503).Max(a => a.Took).TotalMilliseconds:F0} ms; first success {recoveredIn.TotalMilliseconds:F0} ms after the server was up");
        all.Take(stoppedAt).Count(a => a.Status is 200 or 201).ShouldBeGreaterThan(0, "commands succeeded before the stop");
        var unavailable = all.Where(a => a.Status == 503).ToList();
        unavailable.ShouldNotBeEmpty("the outage was felt");
        unavailable.ShouldAllBe(a => a.RetryAfter == "7" && a.Title == "The database is unavailable");
        all.Where(a => a.Status >= 500).ShouldAllBe(a => a.Status == 503, "only 503 while the database is down");

        // Every acknowledged command has its event stored.
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var referral in all.Where(a => a.Status == 201))
        {
            var events = await session.Events.FetchStreamAsync(referral.CaseId);
            events.First().Data.ShouldBeOfType<ReferralReceived>();
        }
        foreach (var disclosure in all.Where(a => a.Status == 200))
        {
            var events = await session.Events.FetchStreamAsync(disclosure.CaseId, disclosure.Version);
            events.Count.ShouldBe((int)disclosure.Version, "a disclosure acknowledged with this version is stored");
            events[^1].Data.ShouldBeOfType<InformationDisclosed>();
        }

        // The deadline that fell due during the outage fires once it is over, once.
        await Waiting.Until(async () => (await session.Events.FetchStreamAsync(late.Id)).Any(e => e.Data is ReactionDeadlineMissed), "the missed deadline");
        (await session.Events.FetchStreamAsync(late.Id)).Count(e => e.Data is ReactionDeadlineMissed).ShouldBe(1);

        // The async register catches up with every stored case, including the deadline missed.
        var cases = await session.Events.QueryRawEventDataOnly<ReferralReceived>().Select(r => r.CaseId).ToListAsync();
        await Waiting.Until(async () =>
        {
            await using var reading = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var register = await reading.Query<RegisterEntry>().ToListAsync();
            return register.Count == cases.Count && register.Single(r => r.Id == late.Id).DeadlineMissed;
        }, "the register to catch up");
        (await session.Query<RegisterEntry>().Select(r => r.Id).ToListAsync()).Order().ShouldBe(cases.Order());
        foreach (var id in cases)
        {
            var stored = (await session.Events.FetchStreamStateAsync(id))!.Version;
            (await session.LoadAsync<CaseSummary>(id))!.Version.ShouldBe(stored, "the inline summary matches its stream");
            (await session.LoadAsync<Case>(id))!.Version.ShouldBe(stored, "the case state matches its stream");
        }

        // Appends cut off by the crash leave at most Marten's tombstones behind: the history verifies as intact.
        await using var audit = new NpgsqlConnection(_connectionString);
        await audit.OpenAsync();
        var verification = await AuditChain.VerifyAsync(audit, CancellationToken.None);
        output.WriteLine($"audit: {verification.Events} events, {verification.Tombstones} tombstones, {verification.BreakCount} breaks");
        verification.Intact.ShouldBeTrue(string.Join(" | ", verification.Breaks.Select(b => $"{b.Kind} {b.StreamId} {b.Version}: {b.Problem}")));
    }

    /// <summary>A member who registers a referral and shares information on it four times, again and again, reloading after anything but a 200.</summary>
    private async Task Client(ConcurrentQueue<Sent> answers, CancellationToken stop)
    {
        Guid? caseId = null;
        long version = 0;
        for (var step = 0; !stop.IsCancellationRequested; step++)
        {
            if (caseId is not { } id || step % 5 == 0)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var answer = await _host.Post("/api/cases", Given.EmployeeReferral(), Caller.BfuMember);
                var created = answer.Status == HttpStatusCode.Created;
                answers.Enqueue(new Sent(created ? answer.Id : Guid.Empty, created ? answer.Version : 0, (int)answer.Status, answer.RetryAfter, Title(answer), System.Diagnostics.Stopwatch.GetElapsedTime(started)));
                if (created) (caseId, version) = (answer.Id, answer.Version);
                if (created || caseId is null) continue;
                id = caseId.Value;
            }

            var sending = System.Diagnostics.Stopwatch.GetTimestamp();
            var shared = await _host.Post($"/api/cases/{id}/disclosures", Given.Disclosure(version), Caller.BfuMember);
            answers.Enqueue(new Sent(id, shared.Status == HttpStatusCode.OK ? shared.Version : 0, (int)shared.Status, shared.RetryAfter, Title(shared), System.Diagnostics.Stopwatch.GetElapsedTime(sending)));
            if (shared.Status == HttpStatusCode.OK)
            {
                version = shared.Version;
                continue;
            }
            var reloaded = await _host.Get($"/api/cases/{id}", Caller.BfuMember);
            if (reloaded.Status == HttpStatusCode.OK) version = reloaded.Version;
            // A member whose reload failed waits a moment before trying again: pacing, not sequencing.
            else await Task.Delay(100, CancellationToken.None);
        }
    }

    private async Task<DateTimeOffset> StoredDueAt(Guid caseId)
    {
        await using var db = new NpgsqlConnection(_connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("select data->>'assessmentDueAt' from infohus.mt_events where stream_id = $1 and type = 'referral_received'", db);
        command.Parameters.AddWithValue(caseId);
        return DateTimeOffset.Parse((string)(await command.ExecuteScalarAsync())!);
    }

    private static string? Title(Answer answer) => answer.Body?["title"]?.GetValue<string>();


    private sealed record Sent(Guid CaseId, long Version, int Status, string? RetryAfter, string? Title, TimeSpan Took);
}
