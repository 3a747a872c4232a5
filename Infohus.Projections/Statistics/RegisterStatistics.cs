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
public sealed class RegisterStatistics(IDocumentStore store)
{
    public const string Table = "infohus.mt_doc_register_entry";

    public async Task<Dictionary<(string, string), int>> CountAsync(
        RegisterDimension first, RegisterDimension? second, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation)
    {
        var secondField = second is null ? "null" : $"{second.Column}::text";
        var sql = $"select {first.Column}::text, {secondField}, count(*)::int from {Table} " +
                  "where referred_at >= @from and referred_at < @to group by 1, 2";
        var counts = new Dictionary<(string, string), int>();
        await using var connection = await OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var key = (first.CategoryOf(reader.IsDBNull(0) ? null : reader.GetString(0)),
                second?.CategoryOf(reader.IsDBNull(1) ? null : reader.GetString(1)) ?? "");
            counts[key] = counts.GetValueOrDefault(key) + reader.GetInt32(2);
        }
        return counts;
    }

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
        // The newest stored event, not the sequence: a write that lost a race burns sequence numbers.
        await using var connection = await OpenAsync(cancellation);
        await using var command = new NpgsqlCommand("select coalesce(max(seq_id), 0) from infohus.mt_events", connection);
        var latest = (long)(await command.ExecuteScalarAsync(cancellation))!;
        var progress = await store.Advanced.AllProjectionProgress(token: cancellation);
        var register = progress.Where(p => p.ShardName.StartsWith("RegisterEntry", StringComparison.Ordinal)).Select(p => p.Sequence).DefaultIfEmpty(0).Min();
        return new Freshness(register, latest, register >= latest, clock.GetUtcNow());
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }
}
