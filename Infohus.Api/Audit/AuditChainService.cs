using Infohus.EventStore.Audit;
using Npgsql;

namespace Infohus.Api.Audit;

/// <summary>Records a global checkpoint every few minutes (the chain's tables and trigger are Marten's schema: <see cref="AuditTrailSchema"/>).</summary>
public sealed class AuditChainService(IDocumentStore store, ILogger<AuditChainService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>Events older than this are taken as settled: no transaction with a lower sequence is still open.</summary>
    public static readonly TimeSpan Settling = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(store, stoppingToken);
                }
                catch (NpgsqlException e)
                {
                    logger.LogWarning(e, "The audit checkpoint could not be recorded; the next run tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public static async Task<string?> CheckpointAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(store, cancellation);
        var upTo = await AuditChain.SettledSequenceAsync(connection, Settling, cancellation);
        return await AuditChain.CheckpointAsync(connection, upTo, cancellation);
    }

    public static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }
}
