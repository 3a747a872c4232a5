using System.Text.Json.Nodes;
using Alba;
using Infohus.EventStore.Audit;
using Npgsql;

namespace Infohus.Specs.Support;

/// <summary>
/// The audit specs' two parties: someone with write access to the database who changes it with plain
/// SQL, and the auditor who asks the API whether the history is intact.
/// </summary>
public static class Tampering
{
    /// <summary>GET /api/audit/verification as an auditor.</summary>
    public static async Task<JsonNode> Verification(this IAlbaHost host)
    {
        var answer = await host.Get("/api/audit/verification", Caller.Auditor);
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return answer.Body!;
    }

    /// <summary>The breaks a verification lists, each as (kind, stream, version, checkpoint).</summary>
    public static IReadOnlyList<(string Kind, Guid? Stream, long? Version, long? Checkpoint)> Breaks(this JsonNode verification) =>
        verification["breaks"]!.AsArray().Select(b => (
            b!["kind"]!.GetValue<string>(),
            b["streamId"]?.GetValue<Guid>(),
            b["version"]?.GetValue<long>(),
            b["checkpoint"]?.GetValue<long>())).ToList();

    /// <summary>The kinds of break a verification counted.</summary>
    public static string[] KindsFound(this JsonNode verification) =>
        [.. verification["breaksByKind"]!.AsObject().Select(k => k.Key).Order()];

    /// <summary>A checkpoint over everything stored now (the service waits a minute for writes to settle; a spec has none open).</summary>
    public static async Task<long> Checkpoint(this InfohusApp app)
    {
        await using var connection = await app.Open();
        var upTo = await app.Scalar<long>("select max(seq_id) from infohus.mt_events where type <> 'tombstone'");
        (await AuditChain.CheckpointAsync(connection, upTo, CancellationToken.None)).ShouldNotBeNull();
        return await app.Scalar<long>("select max(id) from infohus.audit_checkpoint");
    }

    /// <summary>Changes the database as an attacker would, in one transaction; each statement must hit something.</summary>
    public static async Task Sql(this InfohusApp app, params string[] statements)
    {
        await using var connection = await app.Open();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            (await command.ExecuteNonQueryAsync()).ShouldNotBe(0, sql);
        }
        await transaction.CommitAsync();
    }

    public static async Task<T> Scalar<T>(this InfohusApp app, string sql)
    {
        await using var connection = await app.Open();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static Task<long> SequenceOf(this InfohusApp app, Guid stream, long version) =>
        app.Scalar<long>($"select seq_id from infohus.mt_events where stream_id = '{stream}' and version = {version}");

    public static async Task<NpgsqlConnection> Open(this InfohusApp app)
    {
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
