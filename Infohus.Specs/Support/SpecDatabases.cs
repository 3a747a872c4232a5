using Alba;
using Infohus.Api.Hosting;
using Infohus.EventStore.Hosting;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Infohus.Specs.Support;

/// <summary>
/// For specs that need a database and API host of their own, apart from the shared one: to run beside
/// the other specs, to run several hosts, or to stop the server under them.
/// </summary>
public static class SpecDatabases
{
    /// <summary>
    /// A new, empty database: on the configured server (ConnectionStrings__Infohus) or the local spec
    /// server, or on a local server of its own (<paramref name="server"/>, durable) that the spec may stop.
    /// </summary>
    public static async Task<string> Fresh(string database, string? server = null)
    {
        var existing = server is not null
            ? LocalPostgres.EnsureDatabase("postgres", TextWriter.Null, durable: true, server: server)
            : Environment.GetEnvironmentVariable("ConnectionStrings__Infohus") is { Length: > 0 } configured
                ? configured
                : LocalPostgres.EnsureDatabase(InfohusApp.SpecDatabase, TextWriter.Null);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(existing) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(existing) { Database = database }.ConnectionString;
    }

    /// <summary>An API host on that database, configured as production runs it unless told otherwise.</summary>
    public static Task<IAlbaHost> Host(string connectionString, Action<IWebHostBuilder>? configure = null, CapturedLogs? logs = null)
    {
        JasperFxEnvironment.AutoStartHost = true;
        return AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting($"ConnectionStrings:{InfohusDatabase.ConnectionStringName}", connectionString);
            // Spec clients send far more requests a minute than a person does.
            builder.UseSetting("Infohus:RateLimits:RequestsPerMinute", InfohusApp.SpecRequestsPerMinute);
            if (logs is not null) builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(logs));
            configure?.Invoke(builder);
        });
    }
}
