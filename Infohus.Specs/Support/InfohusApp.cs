using Alba;
using Infohus.Api.Hosting;
using Infohus.EventStore.Hosting;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Wolverine;

namespace Infohus.Specs.Support;

/// <summary>
/// One API host and one PostgreSQL database for the whole run: the local server in .local/postgres
/// (database infohus_specs), or ConnectionStrings__Infohus when set.
/// </summary>
public sealed class InfohusApp : IAsyncLifetime
{
    public const string SpecDatabase = "infohus_specs";

    /// <summary>The per-caller rate limit of the specs' hosts: far above what their members send.</summary>
    public const string SpecRequestsPerMinute = "100000000";

    public IAlbaHost Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Infohus") is { Length: > 0 } configured
            ? configured
            : LocalPostgres.EnsureDatabase(SpecDatabase, TextWriter.Null);

        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting($"ConnectionStrings:{InfohusDatabase.ConnectionStringName}", ConnectionString);
            builder.UseSetting("Infohus:Projections:DaemonMode", "Solo");
            // One spec member sends far more requests a minute than a person does.
            builder.UseSetting("Infohus:RateLimits:RequestsPerMinute", SpecRequestsPerMinute);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ILogEventSink>(Logs);
                services.RunWolverineInSoloMode();
            });
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<InfohusApp>
{
    public const string Name = "api";
}

/// <summary>A spec through the HTTP API. Every spec starts from an empty event store.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiSpec(InfohusApp app) : IAsyncLifetime
{
    protected IAlbaHost Host => app.Host;

    protected InfohusApp App => app;

    /// <summary>Marten's reset empties the audit chain and the idempotency keys with the events (their schema is Marten's).</summary>
    public Task InitializeAsync() => Host.ResetAllMartenDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
