using Alba;
using Infohus.Projections.Register;
using Infohus.Projections.Timeline;
using Marten.Events.Daemon.Coordination;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Reliability;

/// <summary>
/// Two API hosts on one database, configured as production runs them: the async daemon in HotCold
/// (Marten's leader election over a PostgreSQL advisory lock), Wolverine balanced (its durable
/// scheduler polls under a lock of its own). A database of their own keeps the shared spec host's
/// daemon out of it.
/// </summary>
public sealed class when_two_api_nodes_share_one_database(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Database = "infohus_nodes";
    private string _connectionString = null!;
    private readonly Node _first = new("first");
    private readonly Node _second = new("second");

    public async Task InitializeAsync()
    {
        _connectionString = await SpecDatabases.Fresh(Database);
        await _first.Start(_connectionString);
        await _second.Start(_connectionString);
    }

    public async Task DisposeAsync()
    {
        await _second.Stop();
        await _first.Stop();
    }

    [Fact]
    public async Task both_serve_one_runs_the_projections_a_deadline_fires_once_and_the_other_takes_over_when_the_leader_stops()
    {
        // Both nodes take commands, on each other's cases too.
        var late = await _first.Host.Referral(Given.EmployeeReferral() with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-31).AddSeconds(3) });
        var cases = new List<Guid> { late.Id };
        for (var i = 0; i < 10; i++)
        {
            var (writer, other) = i % 2 == 0 ? (_first, _second) : (_second, _first);
            var @case = await writer.Host.ReferralFromEmployee();
            await other.Host.Step(@case, "disclosures", Given.Disclosure(@case.Version));
            cases.Add(@case.Id);
        }

        // Exactly one node runs the async projections, and the register counts every case once.
        await Waiting.Until(() => Task.FromResult(_first.RunsProjections ^ _second.RunsProjections), "one node to lead");
        await Waiting.Until(async () => await RegisterRows() == cases.Count, "the register to catch up");
        (_first.RunsProjections && _second.RunsProjections).ShouldBeFalse("never both");
        (await RegisterIds()).Order().ShouldBe(cases.Order());
        (await ReferralsCounted(_second)).ShouldBe(cases.Count.ToString());

        // The deadline due meanwhile rang on one node only, and was missed once.
        await Waiting.Until(async () => (await _first.Host.StoredEvents(late.Id)).Any(e => e.Data is ReactionDeadlineMissed), "the deadline");
        (await _first.Host.StoredEvents(late.Id)).Count(e => e.Data is ReactionDeadlineMissed).ShouldBe(1);
        (_first.AlarmsRung(late.Id) + _second.AlarmsRung(late.Id)).ShouldBe(1, "the alarm rang once, not once per node");

        // Each case's timeline, read on the other node, has one line per event of its stream.
        await using (var session = _second.Store.QuerySession())
        {
            foreach (var id in cases)
            {
                var lines = await CaseTimeline.ReadAsync(session, id);
                var stream = await session.Events.FetchStreamStateAsync(id);
                lines.Select(l => l.Version).ShouldBe(Enumerable.Range(1, (int)stream!.Version).Select(i => (long)i));
            }
        }

        // The leader stops: the other node takes the projections over and the register keeps up.
        var (leader, follower) = _first.RunsProjections ? (_first, _second) : (_second, _first);
        await leader.Stop();
        var stopped = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) cases.Add((await follower.Host.ReferralFromEmployee()).Id);

        await Waiting.Until(() => Task.FromResult(follower.RunsProjections), $"the {follower.Name} node to take over");
        output.WriteLine($"the {follower.Name} node took the projections over {stopped.Elapsed.TotalSeconds:F1} s after the {leader.Name} stopped");
        await Waiting.Until(async () => await RegisterRows() == cases.Count, "the register to catch up after the failover");
        (await RegisterIds()).Order().ShouldBe(cases.Order());
        (await ReferralsCounted(follower)).ShouldBe(cases.Count.ToString());
    }


    private async Task<int> RegisterRows() => (await RegisterIds()).Count;

    private async Task<IReadOnlyList<Guid>> RegisterIds()
    {
        await using var session = (_first.IsUp ? _first : _second).Store.QuerySession();
        return await session.Query<RegisterEntry>().Select(r => r.Id).ToListAsync();
    }

    /// <summary>The steering group's total of referrals of the current half-year, as the node answers it.</summary>
    private static async Task<string> ReferralsCounted(Node node)
    {
        var answer = await node.Host.Get("/api/statistics?by=gender", Caller.Steering);
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return answer.Body!["table"]!["total"]!.GetValue<string>();
    }


    /// <summary>One API node: its host, its logs, whether its daemon runs the projections now.</summary>
    private sealed class Node(string name)
    {
        private readonly CapturedLogs _logs = new();
        private IAlbaHost? _host;

        public string Name => name;

        public bool IsUp => _host is not null;

        public IAlbaHost Host => _host ?? throw new InvalidOperationException($"The {name} node is stopped.");

        public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

        public bool RunsProjections => _host?.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().IsRunning == true;

        public int AlarmsRung(Guid caseId) => _logs.Lines.Count(l => l.Contains("Reaction deadline alarm") && l.Contains(caseId.ToString()));

        public async Task Start(string connectionString) => _host = await SpecDatabases.Host(connectionString, logs: _logs);

        public async Task Stop()
        {
            if (_host is null) return;
            await _host.DisposeAsync();
            _host = null;
        }
    }
}
