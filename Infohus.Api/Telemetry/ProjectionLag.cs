using JasperFx.Events.Projections;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Infohus.Api.Telemetry;

/// <summary>How far one async projection is behind: the newest stored event's sequence minus the last one it applied.</summary>
public sealed record ShardLag(string Projection, long Position, long Behind);

/// <summary>
/// The lag of the async projections (today the anonymous register, behind the statistics): measured
/// from Marten's progression rows against the newest stored event. The gauge shows the last measurement
/// (refreshed by <see cref="ProjectionLagWatch"/> and by every readiness probe), so a scrape never waits on the database.
/// </summary>
public sealed class ProjectionLag(IDocumentStore store)
{
    private IReadOnlyList<ShardLag> _last = [];

    public IReadOnlyList<ShardLag> Last => Volatile.Read(ref _last);

    public async Task<IReadOnlyList<ShardLag>> MeasureAsync(CancellationToken cancellation)
    {
        long newest;
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(cancellation);
            // The newest stored event, not the sequence: a write that lost a race burns sequence numbers.
            await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events", connection);
            newest = (long)(await command.ExecuteScalarAsync(cancellation))!;
        }
        var progress = await store.Advanced.AllProjectionProgress(token: cancellation);
        // A projection the daemon has not started yet has no row: it is behind by everything.
        var measured = ((DocumentStore)store).Options.Projections.All.Where(p => p.Lifecycle == ProjectionLifecycle.Async).Select(p =>
        {
            var position = progress.Where(row => row.ShardName == p.Name || row.ShardName.StartsWith(p.Name + ":", StringComparison.Ordinal))
                .Select(row => row.Sequence).DefaultIfEmpty(0).Min();
            return new ShardLag(p.Name, position, Math.Max(0, newest - position));
        }).ToList();
        Volatile.Write(ref _last, measured);
        return measured;
    }
}

/// <summary>Measures the lag every <see cref="TelemetrySettings.LagInterval"/> for the gauge.</summary>
public sealed class ProjectionLagWatch(ProjectionLag lag, IOptions<TelemetrySettings> settings, ILogger<ProjectionLagWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.LagInterval);
        do
        {
            try
            {
                await lag.MeasureAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // The database is away: the readiness probe says so; the gauge keeps its last value.
                logger.LogWarning("The projection lag could not be measured ({Error})", e.GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>
/// Ready but Degraded (still 200) when an async projection is more than
/// <see cref="TelemetrySettings.MaxProjectionLag"/> events behind: the node writes and reads cases,
/// but the register and the statistics are behind. A database that does not answer is the database check's Unhealthy.
/// </summary>
public sealed class ProjectionLagHealthCheck(ProjectionLag lag, IOptions<TelemetrySettings> settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        IReadOnlyList<ShardLag> measured;
        try
        {
            measured = await lag.MeasureAsync(timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The projection lag could not be measured.");
        }
        var max = settings.Value.MaxProjectionLag;
        var behind = measured.Where(s => s.Behind > max).ToList();
        var data = measured.ToDictionary(s => s.Projection, s => (object)s.Behind);
        return behind.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"{string.Join(", ", behind.Select(s => $"{s.Projection} is {s.Behind} events behind"))} (more than {max}).", data: data);
    }
}
