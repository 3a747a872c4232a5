using System.Globalization;
using System.Text;

namespace Infohus.Benchmarks;

/// <summary>The run as one markdown page: absolute figures, the ratios to the floors, and each target met or missed.</summary>
public sealed class Report(BenchmarkPlan plan, Machine machine, string telemetry)
{
    // Paths are found by the start of their name: "(1) " with its space, so it never matches "(1b)".
    private const string Raw = "(1) ";
    private const string SameWork = "(1b)";
    private const string Api = "(3)";

    // The API before this round (the better of two runs each): K = 32 from issue 18's two full runs
    // (2026-11-25, 1 000 000 events); K = 8 from the code before this round at 200 000 events (2026-11-30).
    private static readonly (int Clients, double PerSecond)[] ApiBefore = [(8, 935), (32, 449)];

    private readonly List<(string Path, Throughput Result)> _writes = [];
    private readonly List<WriteWork> _work = [];
    private int _jsonBytes;
    private long _storedBeforeWrites;
    private readonly List<(long Events, Rate Grown, Rate CatchUp, Throughput Statistics)> _history = [];
    private (Rate ReadFloor, Rate Rebuild, Rate Verification, bool Intact)? _everything;

    public void WritesOn(long storedEvents) => _storedBeforeWrites = storedEvents;

    public void Write(string path, Throughput result)
    {
        _writes.Add((path, result));
        Console.WriteLine($"  {path} K={result.Clients}: {result.PerSecond:0} /s, p99 {result.P99Ms:0.0} ms{(result.ApiCpuMsPerOperation is { } cpu ? $", API CPU {cpu:0.00} ms/command" : "")}");
    }

    public void JsonBytes(int bytes) => _jsonBytes = bytes;

    public void Work(WriteWork work)
    {
        _work.Add(work);
        Console.WriteLine(Invariant($"  {work.Path}: {work.Rows:0.0} rows, {work.IndexEntries:0.0} index entries, {work.RoundTrips:0.0} round trips, {work.BytesSent:0} bytes sent per command ({work.Commands} commands)"));
    }

    public void History(long events, Rate grown, Rate catchUp, Throughput statistics)
    {
        _history.Add((events, grown, catchUp, statistics));
        Console.WriteLine($"  {events:N0} events: catch-up {catchUp.PerSecond:0}/s, statistics p99 {statistics.P99Ms:0.0} ms");
    }

    public void Everything(Rate readFloor, Rate rebuild, Rate verification, bool intact) =>
        _everything = (readFloor, rebuild, verification, intact);

    public string Markdown(TimeSpan elapsed)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant($"# Infohus benchmark ({plan.Name} run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalMinutes:0.0} min)"));
        md.AppendLine();
        md.AppendLine($"Machine: {machine.Summary}. The API, PostgreSQL and the load all share these cores. The API's telemetry: {telemetry}.");
        md.AppendLine();
        md.AppendLine(Invariant($"## Writes: one §115 disclosure per transaction, durable (K closed-loop clients, {plan.Measured.TotalSeconds:0} s each after {plan.WarmUp.TotalSeconds:0.#} s warm-up)"));
        md.AppendLine();
        md.AppendLine(Invariant($"On a store already holding {_storedBeforeWrites:N0} events; each client appends to its own open cases."));
        md.AppendLine();
        md.AppendLine("| path | K | commands/s | p50 ms | p95 ms | p99 ms | of raw floor | of same-work floor | API CPU ms/command |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (path, r) in _writes)
            md.AppendLine(Invariant($"| {path} | {r.Clients} | {r.PerSecond:0} | {r.P50Ms:0.00} | {r.P95Ms:0.00} | {r.P99Ms:0.00} | {Percent(r.PerSecond, Floor(r.Clients))} | {Percent(r.PerSecond, SameWorkFloor(r.Clients))} | {r.ApiCpuMsPerOperation:0.00} |"));
        md.AppendLine();
        if (_work.Count > 0)
        {
            md.AppendLine(Invariant($"Work per command (K = 8, from PostgreSQL's table statistics and Npgsql's metrics; rows are inserts + updates, of them HOT updates, which make no index entry; a disclosure's JSON is {_jsonBytes:N0} bytes: event, case state, summary, disclosure-log line):"));
            md.AppendLine();
            md.AppendLine("| path | commands | rows | HOT updates | index entries | transactions | Npgsql operations | round trips | bytes sent |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var w in _work)
                md.AppendLine(Invariant($"| {w.Path} | {w.Commands} | {w.Rows:0.0} | {w.HotUpdates:0.0} | {w.IndexEntries:0.0} | {w.Transactions:0.00} | {w.Operations:0.0} | {w.RoundTrips:0.0} | {w.BytesSent:0} |"));
            md.AppendLine();
        }

        md.AppendLine("## The history growing: projection catch-up and statistics latency");
        md.AppendLine();
        md.AppendLine(Invariant($"Statistics: GET /api/statistics for the current half-year by concern level and district, one request at a time ({plan.StatisticsRequests} after 1 000 not counted), after the catch-up and a VACUUM ANALYZE (what autovacuum keeps up with when a store grows at its real pace)."));
        md.AppendLine();
        md.AppendLine("| events stored | grown at events/s | register catch-up events/s (backlog) | statistics p50 ms | p95 ms | p99 ms |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (events, grown, catchUp, s) in _history)
            md.AppendLine(Invariant($"| {events:N0} | {(grown.Events == 0 ? "—" : grown.PerSecond.ToString("0", CultureInfo.InvariantCulture))} | {catchUp.PerSecond:0} ({catchUp.Events:N0}) | {s.P50Ms:0.00} | {s.P95Ms:0.00} | {s.P99Ms:0.00} |"));
        md.AppendLine();

        if (_everything is { } all)
        {
            md.AppendLine(Invariant($"## Reading all {all.ReadFloor.Events:N0} events"));
            md.AppendLine();
            md.AppendLine("| path | seconds | events/s | of read floor |");
            md.AppendLine("|---|---:|---:|---:|");
            md.AppendLine(Invariant($"| read floor: SELECT in order + JSON deserialisation | {all.ReadFloor.Elapsed.TotalSeconds:0.0} | {all.ReadFloor.PerSecond:0} | 100% |"));
            md.AppendLine(Invariant($"| rebuild of every projection, all at once | {all.Rebuild.Elapsed.TotalSeconds:0.0} | {all.Rebuild.PerSecond:0} | {Percent(all.Rebuild.PerSecond, all.ReadFloor.PerSecond)} |"));
            md.AppendLine(Invariant($"| audit verification (every chain and checkpoint; {(all.Intact ? "intact" : "BROKEN")}) | {all.Verification.Elapsed.TotalSeconds:0.0} | {all.Verification.PerSecond:0} | {Percent(all.Verification.PerSecond, all.ReadFloor.PerSecond)} |"));
            md.AppendLine();
        }

        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        foreach (var (target, measured, met) in Targets())
            md.AppendLine($"| {target} | {measured} | {(met ? "yes" : "**no**")} |");
        return md.ToString();
    }

    /// <summary>Issue 18's targets.</summary>
    private IEnumerable<(string Target, string Measured, bool Met)> Targets()
    {
        foreach (var clients in plan.Clients)
        {
            if (Find(Api, clients) is { } api && !double.IsNaN(SameWorkFloor(clients)))
                yield return (Invariant($"API at K = {clients} ≥ 80% of the same-work floor"), Percent(api.PerSecond, SameWorkFloor(clients)), api.PerSecond >= 0.8 * SameWorkFloor(clients));
        }
        foreach (var (clients, before) in ApiBefore)
        {
            if (Find(Api, clients) is { } api)
                yield return (Invariant($"API at K = {clients} ≥ 2× before this round ({before:0}/s)"), Invariant($"{api.PerSecond / before:0.00}×"), api.PerSecond >= 2 * before);
        }
        if (Find(Api, 32) is { } k32)
            yield return ("API p99 at K = 32 ≤ 50 ms", Invariant($"{k32.P99Ms:0.0} ms"), k32.P99Ms <= 50);
        if (_everything is { } all)
        {
            var perMillion = 1_000_000 / all.Rebuild.PerSecond;
            yield return ("Every projection of 1 000 000 events rebuilt in ≤ 60 s", Invariant($"{perMillion:0} s at the measured rate{(all.Rebuild.Events < 1_000_000 ? " (extrapolated)" : "")}"), perMillion <= 60);
            yield return ("Verification ≥ 50% of the read floor", Percent(all.Verification.PerSecond, all.ReadFloor.PerSecond), all.Verification.PerSecond >= 0.5 * all.ReadFloor.PerSecond);
        }
        foreach (var (events, _, _, s) in _history)
            yield return (Invariant($"Statistics p99 ≤ 10 ms at {events:N0} events"), Invariant($"{s.P99Ms:0.0} ms"), s.P99Ms <= 10);
    }

    private Throughput? Find(string path, int clients) =>
        _writes.Where(w => w.Path.StartsWith(path, StringComparison.Ordinal) && w.Result.Clients == clients).Select(w => w.Result).FirstOrDefault();

    private double Floor(int clients) => Find(Raw, clients)?.PerSecond ?? double.NaN;

    private double SameWorkFloor(int clients) => Find(SameWork, clients)?.PerSecond ?? double.NaN;

    private static string Percent(double value, double floor) => double.IsNaN(floor) || floor == 0 ? "" : Invariant($"{100 * value / floor:0}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
