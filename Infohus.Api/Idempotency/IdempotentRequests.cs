using System.Security.Cryptography;
using Infohus.Api.Contract;
using Infohus.EventStore.Schema;
using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Infohus.Api.Idempotency;

public sealed class IdempotencySettings
{
    public const string Section = "Infohus:Idempotency";

    /// <summary>How long a key is remembered (a retry after that is a new request).</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// <c>Idempotency-Key</c> on any POST: the first request with a key runs and its answer is kept; a
/// repeat with the same key and body gets that answer again and changes nothing; the same key with
/// another body is a 422; a repeat while the first is still running is a 409. Keys belong to the
/// caller (the token's subject) and expire after <see cref="IdempotencySettings.KeyLifetime"/>.
/// Kept answers are what the write endpoints return: ids and versions, never personal data.
/// </summary>
public static class IdempotentRequests
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    /// <summary>Longer than any request runs (PostgreSQL commands time out after 30 s).</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Headers[Header] is not [{ } key])
            {
                await next(context);
                return;
            }
            if (key.Length is 0 or > MaxKeyLength)
            {
                await Problem(context, ProblemTypes.InvalidRequest, $"An Idempotency-Key holds 1 to {MaxKeyLength} characters.");
                return;
            }
            await Handle(context, next, key);
        });
        return app;
    }

    private static async Task Handle(HttpContext context, RequestDelegate next, string key)
    {
        context.Request.EnableBuffering();
        var hash = await RequestHash(context);
        var original = context.Response.Body;
        var answer = await Once(context, key, hash, async () =>
        {
            // This request holds the key: run it and keep its answer.
            await using var captured = new MemoryStream();
            context.Response.Body = captured;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }
            // A creation's Location is part of its answer: a replay names the created resource too.
            var location = context.Response.Headers.Location.ToString();
            return new KeptAnswer(context.Response.StatusCode, context.Response.ContentType, captured.ToArray(), Location: location is { Length: > 0 } ? location : null);
        });

        switch (answer)
        {
            case { Kind: AnswerKind.Mismatch }:
                await Problem(context, ProblemTypes.IdempotencyKeyReused,
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
                return;
            case { Kind: AnswerKind.InProgress }:
                await Problem(context, ProblemTypes.RequestInProgress,
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
                return;
            case { Kind: AnswerKind.Replayed }:
                context.Response.StatusCode = answer.Status;
                if (answer.ContentType is not null) context.Response.ContentType = answer.ContentType;
                if (answer.Location is not null) context.Response.Headers.Location = answer.Location;
                context.Response.Headers["Idempotent-Replayed"] = "true";
                break;
        }
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>How a request with a key was answered.</summary>
    public enum AnswerKind { Ran, Replayed, Mismatch, InProgress }

    /// <summary>An answer as kept: status, content type, body and a creation's Location (ids and versions, never personal data).</summary>
    public sealed record KeptAnswer(int Status, string? ContentType, byte[] Body, AnswerKind Kind = AnswerKind.Ran, string? Location = null);

    /// <summary>
    /// Runs <paramref name="run"/> once per caller and key, for the API's requests and the web pages'
    /// forms alike: a repeat with the same <paramref name="requestHash"/> gets the kept answer, another
    /// request with the key is a mismatch, a repeat while the first runs is in progress. A 5xx or an
    /// exception frees the key for a retry.
    /// </summary>
    public static async Task<KeptAnswer> Once(HttpContext context, string key, byte[] requestHash, Func<Task<KeptAnswer>> run)
    {
        var caller = context.User.FindFirst(Security.InfohusClaims.Subject)?.Value ?? "";
        var lifetime = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdempotencySettings>>().Value.KeyLifetime;

        await using var connection = context.RequestServices.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync(context.RequestAborted);
        await using (var expire = new NpgsqlCommand("delete from infohus.idempotency where created_at < now() - @lifetime", connection))
        {
            expire.Parameters.AddWithValue("lifetime", lifetime);
            await expire.ExecuteNonQueryAsync(context.RequestAborted);
        }
        // A claim still unanswered after AbandonedAfter belongs to a request that died with its
        // database connection (an outage): the same request may take it over.
        await using (var claim = new NpgsqlCommand("""
            insert into infohus.idempotency as kept (caller, key, request_hash) values (@caller, @key, @hash)
            on conflict (caller, key) do update set created_at = now()
                where kept.status is null and kept.request_hash = excluded.request_hash and kept.created_at < now() - @abandoned
            returning 1
            """, connection))
        {
            claim.Parameters.AddWithValue("caller", caller);
            claim.Parameters.AddWithValue("key", key);
            claim.Parameters.AddWithValue("hash", requestHash);
            claim.Parameters.AddWithValue("abandoned", AbandonedAfter);
            if (await claim.ExecuteScalarAsync(context.RequestAborted) is null
                && await Kept(context, connection, caller, key, requestHash) is { } kept) return kept;
        }

        KeptAnswer answer;
        try
        {
            answer = await run();
        }
        catch
        {
            // The request failed (the exception handler answers it): free the key for a retry if the database still answers.
            await Forget(connection, caller, key);
            throw;
        }
        await using (var keep = new NpgsqlCommand(answer.Status >= 500
            ? "delete from infohus.idempotency where caller = @caller and key = @key"
            : "update infohus.idempotency set status = @status, content_type = @type, body = @body, location = @location where caller = @caller and key = @key", connection))
        {
            keep.Parameters.AddWithValue("caller", caller);
            keep.Parameters.AddWithValue("key", key);
            keep.Parameters.AddWithValue("status", answer.Status);
            keep.Parameters.AddWithValue("type", (object?)answer.ContentType ?? DBNull.Value);
            keep.Parameters.AddWithValue("body", answer.Body);
            keep.Parameters.AddWithValue("location", (object?)answer.Location ?? DBNull.Value);
            await keep.ExecuteNonQueryAsync(CancellationToken.None);
        }
        return answer;
    }

    private static async Task Forget(NpgsqlConnection connection, string caller, string key)
    {
        try
        {
            await using var forget = new NpgsqlCommand("delete from infohus.idempotency where caller = @caller and key = @key and status is null", connection);
            forget.Parameters.AddWithValue("caller", caller);
            forget.Parameters.AddWithValue("key", key);
            await forget.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Out of reach: the claim is taken over once it counts as abandoned.
        }
    }

    /// <summary>The key was taken already: the first request's answer, or why not. Null when the key was freed meanwhile.</summary>
    private static async Task<KeptAnswer?> Kept(HttpContext context, NpgsqlConnection connection, string caller, string key, byte[] hash)
    {
        await using var find = new NpgsqlCommand(
            "select request_hash, status, content_type, body, location from infohus.idempotency where caller = @caller and key = @key", connection);
        find.Parameters.AddWithValue("caller", caller);
        find.Parameters.AddWithValue("key", key);
        await using var reader = await find.ExecuteReaderAsync(context.RequestAborted);
        if (!await reader.ReadAsync(context.RequestAborted)) return null;

        if (!((byte[])reader.GetValue(0)).AsSpan().SequenceEqual(hash)) return new KeptAnswer(0, null, [], AnswerKind.Mismatch);
        if (reader.IsDBNull(1)) return new KeptAnswer(0, null, [], AnswerKind.InProgress);
        return new KeptAnswer(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), (byte[])reader.GetValue(3), AnswerKind.Replayed,
            reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    private static async Task<byte[]> RequestHash(HttpContext context)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
        context.Request.Body.Position = 0;
        return sha.GetHashAndReset();
    }

    private static Task Problem(HttpContext context, ProblemType kind, string detail) =>
        Results.Problem(statusCode: kind.Status, title: kind.Title, type: kind.Type, detail: detail).ExecuteAsync(context);
}

/// <summary>
/// The key table as part of Marten's schema (start-up, <c>db-apply</c>, <c>db-assert</c>, a fresh
/// database), with the names PostgreSQL gave the table first created by <c>create table if not
/// exists</c>, so such a database matches as it is. Emptying the event table (Marten's
/// <c>ResetAllData</c>) empties it in the same transaction: a kept answer names a case and version
/// that are then gone.
/// </summary>
public sealed class IdempotencySchema(StoreOptions options) : InfohusFeatureSchema("idempotency", options)
{
    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var keys = new Table(Named("idempotency")) { PrimaryKeyName = "idempotency_pkey" };
        keys.AddColumn("caller", "text").AsPrimaryKey();
        keys.AddColumn("key", "text").AsPrimaryKey();
        keys.AddColumn("request_hash", "bytea").NotNull();
        keys.AddColumn<int>("status");
        keys.AddColumn("content_type", "text");
        keys.AddColumn("body", "bytea");
        keys.AddColumn("location", "text");
        keys.AddColumn("created_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        keys.Indexes.Add(new IndexDefinition("idempotency_created_at") { Columns = ["created_at"] });
        yield return keys;

        foreach (var emptied in EmptiedWithTheEvents("idempotency_empty", "idempotency")) yield return emptied;
    }
}
