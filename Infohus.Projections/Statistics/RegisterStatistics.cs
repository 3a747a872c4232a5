using System.Collections.Concurrent;
using Marten;
using Npgsql;

namespace Infohus.Projections.Statistics;

/// <summary>How far the async projections have come: the statistics are as of this event sequence.</summary>
public sealed record Freshness(long ProcessedSequence, long LatestSequence, bool Current, DateTimeOffset AsOf);

/// <summary>Reaction times (referral → first assessment) of one concern level.</summary>
public sealed record ReactionTimes(string ConcernLevel, int Cases, double? MedianHours, double? Percentile90Hours);

/// <summary>
/// Counts over the anonymous register, grouped in PostgreSQL. Field names come only from the
/// dimension table, never from the caller, so the SQL is fixed text plus parameters.
/// </summary>
/// <remarks>
/// The counts are kept for as long as the register stands where it stood when they were counted:
/// the register changes only in the daemon's batch commits, and each of them rewrites the register's
/// progression row (a new <c>xmin</c>), so the row's (sequence, xmin) names exactly one state of the
/// register. A request reads that row (one index lookup) and reuses counts made at the same state;
/// otherwise it counts, reading the row and the counts in one snapshot. The small-cell protection
/// still runs on every answer, over the very counts a fresh count would give.
/// </remarks>
public sealed class RegisterStatistics(IDocumentStore store)
{
    public const string Table = "infohus.mt_doc_register_entry";

    /// <summary>
    /// Where the register stands, in one round trip: the progression row as the name of its state, the
    /// newest stored event (not the sequence: a write that lost a race burns sequence numbers) and the
    /// last event the register applied.
    /// </summary>
    private const string RegisterStateSql = """
        select (select string_agg(name || '@' || last_seq_id || '/' || xmin::text, ',' order by name)
                from infohus.mt_event_progression where name like 'RegisterEntry%'),
               (select coalesce(max(seq_id), 0) from infohus.mt_events),
               (select coalesce(min(last_seq_id), 0) from infohus.mt_event_progression where name like 'RegisterEntry%')
        """;

    /// <summary>Enough for every dimension pair of a few half-years; a state holds no more.</summary>
    private const int MostCountsKept = 512;

    private CountsAt _counts = new("", new ConcurrentDictionary<CountKey, IReadOnlyDictionary<(string, string), int>>());

    public async Task<IReadOnlyDictionary<(string, string), int>> CountAsync(
        RegisterDimension first, RegisterDimension? second, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation) =>
        (await CountAsync(first, second, from, to, TimeProvider.System, cancellation)).Counts;

    /// <summary>The counts and, from the same look at the register, how fresh they are.</summary>
    public async Task<(IReadOnlyDictionary<(string, string), int> Counts, Freshness Freshness)> CountAsync(
        RegisterDimension first, RegisterDimension? second, DateTimeOffset from, DateTimeOffset to, TimeProvider clock, CancellationToken cancellation)
    {
        var key = new CountKey(first.Name, second?.Name, from.ToUniversalTime(), to.ToUniversalTime());
        await using var connection = await OpenAsync(cancellation);
        var kept = Volatile.Read(ref _counts);
        var now = await StateAsync(connection, null, cancellation);
        var freshness = new Freshness(now.Register, now.Latest, now.Register >= now.Latest, clock.GetUtcNow());
        if (now.Position == kept.Position && kept.Counts.TryGetValue(key, out var known))
            return (known, freshness);

        // The position and the counts from one snapshot, so the counts are filed under the state they show.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation);
        var countedAt = (await StateAsync(connection, transaction, cancellation)).Position;
        var counts = await CountNowAsync(connection, transaction, first, second, key.From, key.To, cancellation);
        await transaction.CommitAsync(cancellation);
        // No progression row (an empty register, or one being rebuilt): nothing names the state, nothing is kept.
        if (countedAt is null) return (counts, freshness);
        if (kept.Position != countedAt)
        {
            var fresh = new CountsAt(countedAt, new ConcurrentDictionary<CountKey, IReadOnlyDictionary<(string, string), int>>());
            kept = Interlocked.CompareExchange(ref _counts, fresh, kept) == kept ? fresh : Volatile.Read(ref _counts);
        }
        if (kept.Position == countedAt && kept.Counts.Count < MostCountsKept) kept.Counts.TryAdd(key, counts);
        return (counts, freshness);
    }

    private static async Task<(string? Position, long Latest, long Register)> StateAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(RegisterStateSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<IReadOnlyDictionary<(string, string), int>> CountNowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        RegisterDimension first, RegisterDimension? second, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation)
    {
        var secondField = second is null ? "null" : $"{second.Column}::text";
        var sql = $"select {first.Column}::text, {secondField}, count(*)::int from {Table} " +
                  "where referred_at >= @from and referred_at < @to group by 1, 2";
        var counts = new Dictionary<(string, string), int>();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var key = (first.CategoryOf(reader.IsDBNull(0) ? null : reader.GetString(0)),
                second?.CategoryOf(reader.IsDBNull(1) ? null : reader.GetString(1)) ?? "");
            counts[key] = counts.GetValueOrDefault(key) + reader.GetInt32(2);
        }
        return counts;
    }

    private sealed record CountKey(string First, string? Second, DateTimeOffset From, DateTimeOffset To);

    private sealed record CountsAt(string Position, ConcurrentDictionary<CountKey, IReadOnlyDictionary<(string, string), int>> Counts);

    public async Task<IReadOnlyList<ReactionTimes>> ReactionTimesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation)
    {
        const string sql = $"""
            select concern_level, count(*)::int,
                   percentile_cont(0.5) within group (order by reaction_hours),
                   percentile_cont(0.9) within group (order by reaction_hours)
            from {Table}
            where referred_at >= @from and referred_at < @to and reaction_hours is not null and concern_level is not null
            group by 1
            """;
        var times = new List<ReactionTimes>();
        await using var connection = await OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            times.Add(new ReactionTimes(reader.GetString(0), reader.GetInt32(1), Math.Round(reader.GetDouble(2), 2), Math.Round(reader.GetDouble(3), 2)));
        return times;
    }

    public async Task<Freshness> FreshnessAsync(TimeProvider clock, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        var now = await StateAsync(connection, null, cancellation);
        return new Freshness(now.Register, now.Latest, now.Register >= now.Latest, clock.GetUtcNow());
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }
}
