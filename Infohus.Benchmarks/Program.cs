using System.Diagnostics;
using System.Security.Cryptography;
using Infohus.Benchmarks;
using Infohus.EventStore.Hosting;
using Infohus.EventStore.PersonalData;
using Infohus.Projections;
using Infohus.Projections.Register;
using JasperFx;
using Marten;
using Npgsql;

// dotnet run -c Release --project Infohus.Benchmarks [-- --quick] [--out results.md]   (or -- --people [N]: the person index)
//   [--telemetry off|metrics|traces] [--sizes 10000,200000] [--statistics-only]
var quick = args.Contains("--quick");
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
// The API's telemetry: metrics (as deployed without a collector), traces (spans recorded as with a
// collector, exported nowhere) or off; run twice to compare what tracing costs.
var telemetry = args.SkipWhile(a => a != "--telemetry").Skip(1).FirstOrDefault() ?? "metrics";
var statisticsOnly = args.Contains("--statistics-only");
var plan = quick ? BenchmarkPlan.Quick : BenchmarkPlan.Full;
if (args.SkipWhile(a => a != "--sizes").Skip(1).FirstOrDefault() is { } sizes)
    plan = plan with { Sizes = [.. sizes.Split(',').Select(long.Parse)] };
var total = Stopwatch.StartNew();

var root = LocalPostgres.RepositoryRoot() ?? throw new InvalidOperationException("Run the benchmark from the repository.");
var connectionString = await BenchmarkDatabase.Fresh(Console.Out);
var machine = await Machine.Describe(connectionString);
Console.WriteLine($"Infohus benchmark ({plan.Name}, telemetry {telemetry}) on {machine.Summary}");

var masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
var protection = new PersonalDataProtection(masterKey);
var logFile = Path.Combine(root, ".local", "benchmark-api.log");
Console.WriteLine("Starting the API (Production, Kestrel on loopback)…");
await using var api = await ApiProcess.Start(root, connectionString, masterKey, logFile, telemetry);
// Issue 15's person index on its own: --people [N] stores N cases with a person and measures the lookups and the intake.
if (args.Contains("--people")) return await PersonLookups.Run(api, args, machine.Summary, Console.Out, output);
using var store = DocumentStore.For(opts =>
{
    opts.ConfigureInfohusEventStore(connectionString).AddInfohusProjections(new RegisterSettings());
    opts.AutoCreateSchemaObjects = AutoCreate.None;
});
var report = new Report(plan, machine, telemetry);

// The history first: the statistics are measured at exactly these sizes, and the writes then run
// on a store that already holds years of it.
var reads = new ReadPaths(store, protection, api, connectionString);
var now = DateTimeOffset.UtcNow;
foreach (var size in plan.Sizes)
{
    Console.WriteLine($"Growing the history to {size:N0} events…");
    var grown = await reads.GrowTo(size, now);
    Console.WriteLine("Projection catch-up…");
    var caughtUp = await reads.CatchUp();
    await reads.Settle();
    Console.WriteLine("Statistics latency…");
    var statistics = await reads.StatisticsLatency(plan.StatisticsRequests, now);
    report.History(await reads.EventCount(), grown, caughtUp, statistics);
}

if (statisticsOnly)
{
    var statisticsReport = report.Markdown(total.Elapsed);
    Console.WriteLine(statisticsReport);
    if (output is not null) await File.WriteAllTextAsync(output, statisticsReport);
    return 0;
}

await reads.Checkpoint();
var writes = new WritePaths(store, protection, api, connectionString);
report.WritesOn(await reads.EventCount());
// Both processes start on unoptimised code; a first round at K = 8 that is not counted lets the
// JIT settle, so no path is measured on colder code than the others.
Console.WriteLine("Warming up…");
await writes.RawFloor(8, plan.WarmUp, plan.WarmUp);
await writes.MartenDirect(8, plan.WarmUp, plan.WarmUp);
await writes.Api(8, plan.WarmUp, plan.WarmUp);
// The same-work floor replays the rows of a disclosure the API has just made.
var sameWork = new SameWorkFloor(connectionString);
await sameWork.Prepare(writes.LastDisclosedCase);
await sameWork.Run(8, plan.WarmUp, plan.WarmUp);
report.JsonBytes(sameWork.JsonBytes);
foreach (var clients in plan.Clients)
{
    // The paths side by side at each K, so a machine that slows down slows all of them.
    Console.WriteLine($"Writes with K = {clients}…");
    report.Write("(1) raw floor: Npgsql INSERT + commit", await writes.RawFloor(clients, plan.WarmUp, plan.Measured));
    report.Write("(1b) same-work floor: a disclosure's rows, one batch", await sameWork.Run(clients, plan.WarmUp, plan.Measured));
    report.Write("(2) Marten direct: fetch for writing + append + commit", await writes.MartenDirect(clients, plan.WarmUp, plan.Measured));
    report.Write("(3) API: POST /api/cases/{id}/disclosures", await writes.Api(clients, plan.WarmUp, plan.Measured));
}

// The work per command, from PostgreSQL's statistics and Npgsql's metrics: one short run per path at
// K = 8, then a pause so every backend has flushed its table statistics.
Console.WriteLine("Work per command…");
await reads.Checkpoint();
var counters = new WorkCounters(connectionString, api.BaseAddress);
using (var local = new InProcessNpgsql())
{
    async Task Measure(string path, string schema, bool ofApi, long separateCommits, Func<Counting, Task> run)
    {
        long commands = 0;
        WorkCounters.Reading? before = null;
        await run(new Counting(async () =>
        {
            // Idle connections closed: a backend flushes its table statistics when it ends, so the
            // cases made for the run are counted before it, not in it.
            NpgsqlConnection.ClearAllPools();
            await Task.Delay(TimeSpan.FromSeconds(1));
            before = await counters.Read(schema, ofApi, local);
        }, () => Interlocked.Increment(ref commands)));
        await Task.Delay(WriteWork.StatisticsFlush);
        report.Work(WorkCounters.Difference(path, commands, before!, await counters.Read(schema, ofApi, local), separateCommits));
    }
    var seconds = TimeSpan.FromSeconds(quick ? 2 : 5);
    await Measure("(1b) same-work floor", SameWorkFloor.Schema, false, 0, counting => sameWork.Run(8, TimeSpan.Zero, seconds, counting));
    await Measure("(2) Marten direct", "infohus", false, 1, counting => writes.MartenDirect(8, TimeSpan.Zero, seconds, counting));
    await Measure("(3) API", "infohus", true, 1, counting => writes.Api(8, TimeSpan.Zero, seconds, counting));
}

Console.WriteLine("Read floor, rebuild, audit…");
var readFloor = await reads.ReadFloor();
var rebuild = await reads.RebuildAll();
var audit = await reads.Audit();
report.Everything(readFloor, rebuild, audit.Verification, audit.Intact);

var markdown = report.Markdown(total.Elapsed);
Console.WriteLine();
Console.WriteLine(markdown);
if (output is not null) await File.WriteAllTextAsync(output, markdown);
return audit.Intact ? 0 : 1;

/// <summary>How long and how big: quick for everyday use (under two minutes), full for the numbers we report.</summary>
public sealed record BenchmarkPlan(string Name, int[] Clients, TimeSpan WarmUp, TimeSpan Measured, long[] Sizes, int StatisticsRequests)
{
    public static readonly BenchmarkPlan Quick = new("quick", [1, 8, 32], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), [10_000, 50_000], 200);

    public static readonly BenchmarkPlan Full = new("full", [1, 8, 32], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), [10_000, 100_000, 1_000_000], 500);
}

/// <summary>A fresh database on the durable local server (fsync and synchronous commit on), started like the specs' one.</summary>
public static class BenchmarkDatabase
{
    public const string Name = "infohus_benchmark";

    public static async Task<string> Fresh(TextWriter log)
    {
        var server = LocalPostgres.EnsureDatabase("postgres", log, durable: true);
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database {Name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = Name, MaxPoolSize = 200 };
        // INFOHUS_BENCH_PLAN=force_custom_plan: the connections as before issue 18 (a plan per execution, random reads priced at 4).
        if (Environment.GetEnvironmentVariable("INFOHUS_BENCH_PLAN") is { Length: > 0 } mode) builder.Options = $"-c plan_cache_mode={mode} -c random_page_cost=4";
        if (Environment.GetEnvironmentVariable("INFOHUS_BENCH_RESET") == "1") builder.NoResetOnClose = false;
        return builder.ConnectionString;
    }
}
