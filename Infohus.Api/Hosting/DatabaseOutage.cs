using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Infohus.Api.Hosting;

public sealed class ReliabilitySettings
{
    public const string Section = "Infohus:Reliability";

    /// <summary>What a 503 tells the client to wait before retrying (the Retry-After header), in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}

/// <summary>
/// While PostgreSQL cannot be reached (down, restarting, refusing connections, out of connections) a
/// request fails at once with a 503 and a <c>Retry-After</c>, never a 500 and never a hang: nothing
/// was acknowledged, so the client retries (with its Idempotency-Key a retry is safe). The pool's
/// idle connections are dropped with it, so the first requests after the database returns get fresh
/// ones instead of dead sockets. Any other exception stays a 500: it is a bug, not an outage.
/// </summary>
public sealed class DatabaseOutage(
    IProblemDetailsService problems,
    Marten.IDocumentStore store,
    Microsoft.Extensions.Options.IOptions<ReliabilitySettings> settings,
    ILogger<DatabaseOutage> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception)) return false;

        // The exception's type only: Npgsql messages may quote a statement, never worth the risk in a log.
        logger.LogWarning("The database is unavailable ({Failure}); answering 503 to {Method} {Path}",
            exception.GetBaseException().GetType().Name, context.Request.Method, context.Request.Path);
        ClearPools();

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = settings.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable",
                Detail = $"The database could not be reached. Retry after {settings.Value.RetryAfterSeconds} seconds with the same Idempotency-Key, so a request that did reach it is not applied twice."
            }
        });
    }

    /// <summary>True when the failure is the database being out of reach, anywhere in the exception's chain.</summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException => true,
        SocketException => true,
        TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsOutage),
        { InnerException: { } inner } => IsOutage(inner),
        _ => false
    };

    /// <summary>Marten's pool (its data source) and the pools of plain connection strings (the health check's).</summary>
    private void ClearPools()
    {
        try
        {
            using var connection = store.Storage.Database.CreateConnection();
            NpgsqlConnection.ClearPool(connection);
            NpgsqlConnection.ClearAllPools();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Clearing is only an aid to recovery.
        }
    }
}
