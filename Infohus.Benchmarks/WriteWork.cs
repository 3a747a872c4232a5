using System.Diagnostics.Metrics;
using System.Globalization;
using Npgsql;

namespace Infohus.Benchmarks;

/// <summary>
/// What one command costs the database, measured from outside the code that does it: rows written
/// and index entries made (PostgreSQL's table statistics), transactions (the database's commit
/// count), Npgsql operations and bytes sent (Npgsql's own metrics, in this process or scraped from
/// the API's /metrics). An Npgsql operation is one round trip; a commit sent on its own is one more,
/// so round trips are operations plus the commits not sent inside a batch.
/// </summary>
public sealed record WriteWork(string Path, long Commands, double Rows, double HotUpdates, double IndexEntries, double Transactions, double Operations, double RoundTrips, double BytesSent)
{
    public static readonly TimeSpan StatisticsFlush = TimeSpan.FromSeconds(11);
}

/// <summary>A run that is measured for its work: <see cref="Ready"/> once its cases are made, <see cref="Counted"/> after each command.</summary>
public sealed record Counting(Func<Task> Ready, Action Counted);

/// <summary>Counters before and after a path's run; the difference per command is its <see cref="WriteWork"/>.</summary>
public sealed class WorkCounters(string connectionString, Uri? api)
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public sealed record Reading(long Inserted, long Updated, long Hot, long IndexEntries, long Commits, double Operations, double BytesSent);

    /// <summary>Table counters of one schema, commits of the database, and Npgsql's counters of the API (when <paramref name="ofApi"/>) or of this process.</summary>
    public async Task<Reading> Read(string schema, bool ofApi, InProcessNpgsql local)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A non-HOT update makes a new entry in every index of its table; a HOT update in none.
        await using var command = new NpgsqlCommand("""
            select coalesce(sum(t.n_tup_ins), 0)::bigint, coalesce(sum(t.n_tup_upd), 0)::bigint, coalesce(sum(t.n_tup_hot_upd), 0)::bigint,
                   coalesce(sum((t.n_tup_ins + t.n_tup_upd - t.n_tup_hot_upd) * (select count(*) from pg_index i where i.indrelid = t.relid)), 0)::bigint,
                   (select xact_commit from pg_stat_database where datname = current_database())
            from pg_stat_user_tables t where t.schemaname = @schema
            """, connection);
        command.Parameters.AddWithValue("schema", schema);
        await using var row = await command.ExecuteReaderAsync();
        await row.ReadAsync();
        var (operations, bytes) = ofApi ? await Scrape() : local.Totals;
        return new Reading(row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4), operations, bytes);
    }

    /// <summary>Npgsql's operation count and bytes written, as the API exports them for Prometheus.</summary>
    private async Task<(double Operations, double Bytes)> Scrape()
    {
        if (api is null) return (double.NaN, double.NaN);
        // With the API's telemetry off (--telemetry off) there is no /metrics: its operations are not counted.
        using var response = await _http.GetAsync(new Uri(api, "/metrics"));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return (double.NaN, double.NaN);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        // name{labels} value [timestamp]; a label's value may hold spaces.
        double Sum(string prefix, string suffix) => text.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => (Metric: line.Split('{', ' ')[0], Value: line[(line.LastIndexOf('}') + 1)..].Trim()))
            .Where(sample => sample.Metric.EndsWith(suffix, StringComparison.Ordinal) && sample.Value.Length > 0)
            .Sum(sample => double.Parse(sample.Value.Split(' ')[0], CultureInfo.InvariantCulture));
        return (Sum("db_client_operation_duration", "_count"), Sum("db_client_operation_npgsql_bytes_written", "_total"));
    }

    public static WriteWork Difference(string path, long commands, Reading before, Reading after, long separateCommitsPerCommand)
    {
        double Per(double value) => value / Math.Max(1, commands);
        var operations = Per(after.Operations - before.Operations);
        return new WriteWork(path, commands,
            Per(after.Inserted - before.Inserted + after.Updated - before.Updated), Per(after.Hot - before.Hot),
            Per(after.IndexEntries - before.IndexEntries), Per(after.Commits - before.Commits),
            operations, operations + separateCommitsPerCommand, Per(after.BytesSent - before.BytesSent));
    }
}

/// <summary>Npgsql's metrics in this process: operations executed and bytes written.</summary>
public sealed class InProcessNpgsql : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _operations;
    private long _bytes;

    public InProcessNpgsql()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.operation.duration" or "db.client.operation.npgsql.bytes_written")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == "db.client.operation.duration") Interlocked.Increment(ref _operations);
        });
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "db.client.operation.npgsql.bytes_written") Interlocked.Add(ref _bytes, value);
        });
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "db.client.operation.npgsql.bytes_written") Interlocked.Add(ref _bytes, value);
        });
        _listener.Start();
    }

    public (double Operations, double Bytes) Totals => (Interlocked.Read(ref _operations), Interlocked.Read(ref _bytes));

    public void Dispose() => _listener.Dispose();
}
