using Infohus.EventStore.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Infohus.Api.Hosting;

/// <summary>
/// Where the data lives: <c>ConnectionStrings:Infohus</c> when given, otherwise the local
/// development server (<see cref="LocalPostgres"/>). Resolved on first use, so commands that need no
/// database (such as <c>token</c>) never start one.
/// </summary>
public sealed class InfohusDatabase(IConfiguration configuration)
{
    public const string ConnectionStringName = "Infohus";
    public const string LocalDatabaseName = "infohus";

    private readonly Lazy<string> _connectionString = new(() =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : LocalPostgres.EnsureDatabase(LocalDatabaseName, Console.Out));

    public string ConnectionString => _connectionString.Value;
}

/// <summary>Ready means the database answers.</summary>
public sealed class DatabaseHealthCheck(InfohusDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Answer within a few seconds whatever the database does: a probe that hangs is worse than a "no".
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
