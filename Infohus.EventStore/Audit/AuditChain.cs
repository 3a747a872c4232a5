using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Infohus.EventStore.Audit;

/// <summary>The answer of a verification: intact with counts, or the first place where the history was changed.</summary>
public sealed record AuditVerification(
    bool Intact,
    long Streams,
    long Events,
    long Checkpoints,
    string? LatestCheckpointHash,
    AuditBreak? FirstBreak);

public sealed record AuditBreak(long? Sequence, Guid? StreamId, long? Version, string Problem);

/// <summary>
/// Tamper evidence for the event store. A trigger links every stored event into its stream's hash
/// chain, in the writing transaction, over the event's stored form (its JSON as PostgreSQL keeps it:
/// sealed personal fields are ciphertext, so erasure leaves the chain intact). Streams chain
/// independently, so writers never wait for one another. Periodic global checkpoints fold every
/// event hash up to a settled sequence into one rolling hash, so that a deleted stream is caught too;
/// recording a checkpoint's hash outside the database anchors it against someone who can rewrite all.
/// </summary>
public static class AuditChain
{
    private const string Schema = "infohus";

    public const string InstallSql = $"""
        create table if not exists {Schema}.audit_chain (
            seq_id bigint primary key,
            stream_id uuid not null,
            version bigint not null,
            hash bytea not null,
            unique (stream_id, version));

        create table if not exists {Schema}.audit_checkpoint (
            id bigserial primary key,
            up_to_seq bigint not null,
            event_count bigint not null,
            hash bytea not null,
            created_at timestamptz not null default now());

        create or replace function {Schema}.audit_event_hash(previous bytea, stream_id uuid, version bigint, type varchar, data jsonb)
        returns bytea language sql immutable as $$
            select sha256(coalesce(previous, '\x'::bytea) || convert_to(stream_id::text || '|' || version::text || '|' || type || '|' || data::text, 'UTF8'))
        $$;

        create or replace function {Schema}.audit_chain_link() returns trigger language plpgsql as $$
        declare previous bytea;
        begin
            select hash into previous from {Schema}.audit_chain where stream_id = new.stream_id and version = new.version - 1;
            insert into {Schema}.audit_chain (seq_id, stream_id, version, hash)
            values (new.seq_id, new.stream_id, new.version, {Schema}.audit_event_hash(previous, new.stream_id, new.version, new.type, new.data));
            return new;
        end $$;

        drop trigger if exists audit_chain_link on {Schema}.mt_events;
        create trigger audit_chain_link after insert on {Schema}.mt_events for each row execute function {Schema}.audit_chain_link();
        """;

    public static async Task InstallAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(InstallSql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>
    /// Folds the hashes of all events above the last checkpoint, up to the given settled sequence
    /// (every transaction below it has committed), into a new checkpoint. Returns null when there is
    /// nothing new.
    /// </summary>
    public static async Task<string?> CheckpointAsync(NpgsqlConnection connection, long settledSequence, CancellationToken cancellation)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var lockCheckpoints = new NpgsqlCommand($"lock table {Schema}.audit_checkpoint in exclusive mode", connection, transaction))
            await lockCheckpoints.ExecuteNonQueryAsync(cancellation);

        var (previousSeq, previousHash) = await LastCheckpoint(connection, transaction, cancellation);
        if (settledSequence <= previousSeq) return null;

        var (count, hash) = await Fold(connection, transaction, previousSeq, settledSequence, previousHash, cancellation);
        if (count == 0) return null;
        await using var insert = new NpgsqlCommand(
            $"insert into {Schema}.audit_checkpoint (up_to_seq, event_count, hash) values (@upTo, @count, @hash)", connection, transaction);
        insert.Parameters.AddWithValue("upTo", settledSequence);
        insert.Parameters.AddWithValue("count", count);
        insert.Parameters.AddWithValue("hash", hash);
        await insert.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
        return Convert.ToHexString(hash);
    }

    /// <summary>
    /// Walks every stream's chain from the stored events, then every checkpoint; stops at the first
    /// break. One pass over the events: the checkpoints are recomputed from the hashes the walk
    /// derived from each event's stored form.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        long streams = 0, events = 0;
        var derived = new List<(long Sequence, byte[] Hash)>();
        Guid? stream = null;
        long expectedVersion = 0;
        byte[]? previous = null;

        // Events and chain links side by side, stream by stream, in version order.
        const string walk = $"""
            select coalesce(e.stream_id, c.stream_id), coalesce(e.version, c.version), coalesce(e.seq_id, c.seq_id),
                   e.type, e.data::text, c.hash, e.seq_id is null, c.seq_id is null
            from {Schema}.mt_events e
            full outer join {Schema}.audit_chain c on c.stream_id = e.stream_id and c.version = e.version
            order by 1, 2
            """;
        await using (var command = new NpgsqlCommand(walk, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var streamId = reader.GetGuid(0);
                var version = reader.GetInt64(1);
                var sequence = reader.GetInt64(2);
                if (streamId != stream)
                {
                    stream = streamId;
                    streams++;
                    expectedVersion = 1;
                    previous = null;
                }

                AuditVerification Broken(string problem) =>
                    new(false, streams, events, 0, null, new AuditBreak(sequence, streamId, version, problem));

                if (reader.GetBoolean(6)) return Broken("The event is missing: its chain link exists but the event was deleted.");
                if (reader.GetBoolean(7)) return Broken("The event has no chain link: it was inserted around the audit trigger.");
                if (version != expectedVersion) return Broken($"Version {expectedVersion} of the stream is missing.");

                var hash = EventHash(previous, streamId, version, reader.GetString(3), reader.GetString(4));
                var stored = (byte[])reader.GetValue(5);
                if (!hash.AsSpan().SequenceEqual(stored)) return Broken("The event's stored form no longer matches its chain link: it was changed.");

                previous = stored;
                derived.Add((sequence, hash));
                expectedVersion++;
                events++;
            }
        }

        // Checkpoints recomputed from the events themselves: a whole deleted stream shows here.
        var checkpoints = new List<(long UpTo, long Count, byte[] Hash)>();
        await using (var command = new NpgsqlCommand($"select up_to_seq, event_count, hash from {Schema}.audit_checkpoint order by id", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation)) checkpoints.Add((reader.GetInt64(0), reader.GetInt64(1), (byte[])reader.GetValue(2)));
        }

        derived.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var next = 0;
        var rolling = Array.Empty<byte>();
        foreach (var (upTo, count, hash) in checkpoints)
        {
            using var fold = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            fold.AppendData(rolling);
            long actualCount = 0;
            for (; next < derived.Count && derived[next].Sequence <= upTo; next++, actualCount++) fold.AppendData(derived[next].Hash);
            var actualHash = fold.GetHashAndReset();
            if (actualCount != count || !actualHash.AsSpan().SequenceEqual(hash))
                return new(false, streams, events, checkpoints.Count, null, new AuditBreak(null, null, null,
                    $"Checkpoint up to sequence {upTo} held {count} events; the store now holds {actualCount} there{(actualCount == count ? " with other contents" : "")}: events were deleted or changed."));
            rolling = hash;
        }

        return new(true, streams, events, checkpoints.Count, checkpoints.Count == 0 ? null : Convert.ToHexString(rolling), null);
    }

    /// <summary>The hash linking one event to the one before it in its stream: the same formula as the trigger.</summary>
    public static byte[] EventHash(byte[]? previous, Guid streamId, long version, string type, string storedJson) =>
        SHA256.HashData([.. previous ?? [], .. Encoding.UTF8.GetBytes($"{streamId}|{version}|{type}|{storedJson}")]);

    private static async Task<(long Seq, byte[] Hash)> LastCheckpoint(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select up_to_seq, hash from {Schema}.audit_checkpoint order by id desc limit 1", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation) ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (0, []);
    }

    /// <summary>The rolling hash over the stored chain links of the events with a sequence in (from, upTo].</summary>
    private static async Task<(long Count, byte[] Hash)> Fold(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long from, long upTo, byte[] start, CancellationToken cancellation)
    {
        const string sql = $"select hash from {Schema}.audit_chain where seq_id > @from and seq_id <= @upTo order by seq_id";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("upTo", upTo);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        using var rolling = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        rolling.AppendData(start);
        long count = 0;
        while (await reader.ReadAsync(cancellation))
        {
            rolling.AppendData((byte[])reader.GetValue(0));
            count++;
        }
        return (count, rolling.GetHashAndReset());
    }
}
