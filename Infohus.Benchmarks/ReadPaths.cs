using System.Diagnostics;
using System.Net.Http.Headers;
using Infohus.EventStore.Audit;
using Infohus.EventStore.Hosting;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;
using Infohus.Projections;
using Infohus.Projections.Register;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Infohus.Benchmarks;

public sealed record Rate(long Events, TimeSpan Elapsed)
{
    public double PerSecond => Events / Elapsed.TotalSeconds;
}

/// <summary>Growing the history, and everything that reads all of it: the daemon, the statistics, a rebuild, the audit.</summary>
public sealed class ReadPaths(DocumentStore store, PersonalDataProtection protection, ApiProcess api, string connectionString)
{
    private const int CasesPerTransaction = 250;

    public async Task<long> EventCount()
    {
        await using var connection = await Open();
        await using var count = new NpgsqlCommand($"select count(*) from {InfohusEventStore.Schema}.mt_events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Appends closed case histories until the store holds at least this many events (two writers, big transactions).</summary>
    public async Task<Rate> GrowTo(long events, DateTimeOffset now)
    {
        var started = Stopwatch.StartNew();
        var before = await EventCount();
        var missing = events - before;
        if (missing <= 0) return new Rate(0, started.Elapsed);

        var generator = new SyntheticCases(protection, now, seed: (int)events);
        long appended = 0;
        async Task Writer()
        {
            while (Interlocked.Read(ref appended) < missing)
            {
                List<SyntheticCases.Made> batch;
                lock (generator) batch = [.. Enumerable.Range(0, CasesPerTransaction).Select(_ => generator.Closed())];
                await SyntheticCases.Store(store, batch, CancellationToken.None);
                Interlocked.Add(ref appended, batch.Sum(c => c.Events.Count));
            }
        }
        await Task.WhenAll(Writer(), Writer());
        return new Rate(await EventCount() - before, started.Elapsed);
    }

    /// <summary>(4) The async daemon working off the backlog: from where the register stands to the newest event.</summary>
    public async Task<Rate> CatchUp()
    {
        var from = await RegisterPosition();
        var to = await HighestSequence();
        using var daemon = await store.BuildProjectionDaemonAsync();
        var started = Stopwatch.StartNew();
        await daemon.StartAllAsync();
        while (await RegisterPosition() < to) await Task.Delay(25);
        var elapsed = started.Elapsed;
        await daemon.StopAllAsync();
        return new Rate(to - from, elapsed);
    }

    /// <summary>(5) GET /api/statistics for the current half-year by concern level and district, one request at a time.</summary>
    public async Task<Throughput> StatisticsLatency(int requests, DateTimeOffset now)
    {
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Token(Role.Steering, null));
        var query = $"/api/statistics?from={now.Year}-{(now.Month <= 6 ? "01" : "07")}-01&by=concernLevel,district";
        // The API's JIT needs about a thousand requests of a kind to settle (measured: p50 8.4 ms after
        // 100, 4.0 ms after 2 000), so the first thousand are not counted.
        return await ClosedLoop.Repeat(warmUp: 1000, requests, async () =>
        {
            using var response = await http.GetAsync(query);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
    }

    /// <summary>The read floor: every stored event selected in order and deserialised into its type, with nothing else done.</summary>
    public async Task<Rate> ReadFloor()
    {
        var types = ((IReadOnlyStoreOptions)store.Options).Events.AllKnownEventTypes().ToDictionary(e => e.EventTypeName, e => e.EventType);
        var serializer = store.Options.Serializer();
        await using var connection = await Open();
        var started = Stopwatch.StartNew();
        await using var select = new NpgsqlCommand($"select type, data from {InfohusEventStore.Schema}.mt_events order by seq_id", connection);
        await using var reader = await select.ExecuteReaderAsync();
        long events = 0;
        while (await reader.ReadAsync())
        {
            _ = serializer.FromJson(types[reader.GetString(0)], reader, 1);
            events++;
        }
        return new Rate(events, started.Elapsed);
    }

    /// <summary>A full rebuild of every projection from the first event, all at once (the daemon runs them side by side).</summary>
    public async Task<Rate> RebuildAll()
    {
        var events = await EventCount();
        if (Environment.GetEnvironmentVariable("INFOHUS_BENCH_EACH") == "1")
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            foreach (var source in store.Options.Projections.All)
            {
                var type = source is JasperFx.Events.Aggregation.IAggregateProjection aggregate ? aggregate.AggregateType : source.GetType();
                var one = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(type, TimeSpan.FromMinutes(30), CancellationToken.None);
                Console.WriteLine($"  rebuild of {type.Name} alone: {one.Elapsed.TotalSeconds:F1} s");
            }
        }
        var started = Stopwatch.StartNew();
        await store.RebuildAllProjections(TimeSpan.FromMinutes(30), CancellationToken.None);
        return new Rate(events, started.Elapsed);
    }

    /// <summary>
    /// What autovacuum does for a store that grows at its real pace (years, not minutes): dead rows
    /// gone, visibility and planner statistics current. Without it the statistics would be measured
    /// against the churn of a bulk load of a million events.
    /// </summary>
    public async Task Settle()
    {
        await using var connection = await Open();
        await using var vacuum = new NpgsqlCommand("vacuum (analyze)", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
    }

    /// <summary>(6) The audit: a checkpoint up to the newest event, then a full verification of every chain and checkpoint.</summary>
    /// <summary>
    /// An audit checkpoint up to the newest event, as the API's job takes one every five minutes: the
    /// history grown here went around the API, and its first checkpoint (a head row per stream) must
    /// not land in a measured write.
    /// </summary>
    public async Task Checkpoint()
    {
        await using var connection = await Open();
        await AuditChain.CheckpointAsync(connection, await HighestSequence(), CancellationToken.None);
    }

    public async Task<(Rate Verification, bool Intact)> Audit()
    {
        await Checkpoint();
        await using var connection = await Open();
        var started = Stopwatch.StartNew();
        var verification = await AuditChain.VerifyAsync(connection, CancellationToken.None);
        return (new Rate(verification.Events, started.Elapsed), verification.Intact);
    }

    private async Task<long> RegisterPosition()
    {
        var progress = await store.Advanced.AllProjectionProgress();
        return progress.Where(p => p.ShardName.StartsWith(nameof(RegisterEntry), StringComparison.Ordinal))
            .Select(p => p.Sequence).DefaultIfEmpty(0).Min();
    }

    private async Task<long> HighestSequence()
    {
        await using var connection = await Open();
        await using var max = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {InfohusEventStore.Schema}.mt_events", connection);
        return (long)(await max.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
