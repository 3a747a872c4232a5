using System.Text.Json;
using System.Text.Json.Serialization;
using Infohus.Api.Audit;
using Infohus.Api.Cases.Erasing;
using Infohus.Api.Contract;
using Infohus.Api.Idempotency;
using Infohus.Api.Legal;
using Infohus.Api.Notices;
using Infohus.EventStore.Audit;
using Infohus.EventStore.Cases;
using Infohus.EventStore.Hosting;
using Infohus.EventStore.PersonalData;
using Infohus.Api.Statistics;
using Infohus.Api.Telemetry;
using Infohus.Projections;
using Infohus.Projections.Register;
using Infohus.Projections.Statistics;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Options;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Infohus.Api.Hosting;

public static class InfohusHosting
{
    /// <summary>Structured console logs. Request logging records method, path, status and time: never a body.</summary>
    /// Personal fields render as *** even when a whole object is logged.
    public static IServiceCollection AddInfohusLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            // Marten's command log quotes a failed command's parameters, the data sent; whoever handles
            // the failure logs it without them. Set here, so no configuration turns it back on.
            .MinimumLevel.Override("Marten.IDocumentStore", LogEventLevel.Fatal)
            // The OpenID Connect handler logs a provider's error_description, which can name the user (who
            // cancelled, who is not assigned the app); WebSignIn logs the failure's type and error code instead.
            .MinimumLevel.Override("Microsoft.AspNetCore.Authentication.OpenIdConnect", LogEventLevel.Fatal)
            .Destructure.ByTransforming<PersonalText>(_ => "***")
            .Enrich.FromLogContext()
            // Every sink, the console and those registered as services (the specs' capture), sits behind
            // the filter that withholds database error texts: they can quote the data sent. Add sinks here.
            .WriteTo.Sink(LoggerSinkConfiguration.Wrap(sink => new WithoutDatabaseErrorTexts(sink), sinks =>
            {
                sinks.Console();
                foreach (var sink in provider.GetServices<ILogEventSink>()) sinks.Sink(sink);
            })),
            // Each host keeps its own logger: a second host in the same process must not take over the first one's.
            preserveStaticLogger: true);

    /// <summary>
    /// The master key that wraps every case key. Development uses a published key; anywhere else a
    /// real one is required and the development key refused, so a database dump alone reveals nothing.
    /// </summary>
    public static IServiceCollection AddInfohusPersonalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(PersonalDataSettings.Section);
        services.Configure<PersonalDataSettings>(section);
        var masterKey = section.Get<PersonalDataSettings>()?.MasterKey;
        if (environment.IsDevelopment())
        {
            masterKey ??= PersonalDataSettings.DevelopmentMasterKey;
        }
        else if (masterKey is null || masterKey == PersonalDataSettings.DevelopmentMasterKey)
        {
            throw new InvalidOperationException("Configure Infohus:PersonalData:MasterKey (base64 of 32 random bytes); the development key is refused outside Development.");
        }
        services.AddSingleton(new PersonalDataProtection(masterKey));
        services.AddSingleton(new PersonIndex(IndexKeyOf(section.Get<PersonalDataSettings>()?.IndexKey, masterKey, environment)));
        services.AddHostedService<RetentionSchedule>();
        return services;
    }

    /// <summary>
    /// The blind index's key, kept apart from the master key: Development uses a published one; anywhere
    /// else a real one is required, and neither the development key nor the master key is accepted.
    /// </summary>
    private static string IndexKeyOf(string? indexKey, string masterKey, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()) return indexKey ?? PersonalDataSettings.DevelopmentIndexKey;
        if (indexKey is null || indexKey == PersonalDataSettings.DevelopmentIndexKey || indexKey == masterKey)
            throw new InvalidOperationException("Configure Infohus:PersonalData:IndexKey (base64 of 32 random bytes, not the master key); the development key is refused outside Development.");
        return indexKey;
    }

    /// <summary>Marten as the event store with every projection, integrated with Wolverine.</summary>
    public static IServiceCollection AddInfohusEventStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<InfohusDatabase>();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ActionPlanSettings>()
            .Bind(configuration.GetSection(ActionPlanSettings.Section))
            .PostConfigure(settings =>
            {
                var defaults = ActionPlanSettings.Defaults();
                if (settings.ConcernLevels.Count == 0) settings.ConcernLevels = defaults.ConcernLevels;
                if (settings.Districts.Count == 0) settings.Districts = defaults.Districts;
            });

        services.AddOptions<RegisterSettings>()
            .Bind(configuration.GetSection(RegisterSettings.Section))
            .Validate(s => s.AgeBandLowerBounds.Count == 0 || (s.AgeBandLowerBounds.Contains(0) && s.AgeBandLowerBounds.Contains(18)),
                "Infohus:Register:AgeBandLowerBounds start at 0 and have 18 as a bound.")
            .ValidateOnStart();
        services.AddOptions<StatisticsSettings>()
            .Bind(configuration.GetSection(StatisticsSettings.Section))
            .Validate(s => s.MinimumCellSize >= SmallCells.LowestThreshold, $"Infohus:Statistics:MinimumCellSize is never below {SmallCells.LowestThreshold}.")
            .ValidateOnStart();
        services.AddHostedService<AuditChainService>();
        services.Configure<IdempotencySettings>(configuration.GetSection(IdempotencySettings.Section));
        services.AddSingleton<RegisterStatistics>();
        services.AddSingleton<StatisticsContext>();

        services.AddMarten(sp =>
            {
                var opts = new StoreOptions()
                    .ConfigureInfohusEventStore(sp.GetRequiredService<InfohusDatabase>().ConnectionString)
                    .AddInfohusProjections(sp.GetRequiredService<IOptions<RegisterSettings>>().Value);
                // Our own tables, functions and triggers beside Marten's: applied, checked and reset with them.
                opts.Storage.Add(new AuditTrailSchema(opts));
                opts.Storage.Add(new IdempotencySchema(opts));
                opts.Storage.Add(new CaseReferenceSchema(opts));
                opts.Storage.Add(new CaseDocumentSchema(opts));
                opts.Storage.Add(new PersonIndexSchema(opts));
                opts.Schema.For<AccessLogEntry>().DocumentAlias("access_log").Index(x => x.CaseId).Index(x => x.ReadAt);
                opts.AutoCreateSchemaObjects = environment.IsDevelopment() ? AutoCreate.All : AutoCreate.CreateOrUpdate;
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            // The register and statistics run in the async daemon; with several nodes one of them runs it
            // (HotCold); a single node or the specs may say Solo (Infohus:Projections:DaemonMode).
            .AddAsyncDaemon(configuration.GetValue("Infohus:Projections:DaemonMode", DaemonMode.HotCold))
            .IntegrateWithWolverine();
        return services;
    }

    /// <summary>JSON, problem details, health checks and the API reference.</summary>
    public static IServiceCollection AddInfohusHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(json => ConfigureRequestJson(json.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTypes.Customize);
        services.Configure<ReliabilitySettings>(configuration.GetSection(ReliabilitySettings.Section));
        services.AddExceptionHandler<DatabaseOutage>();
        services.AddExceptionHandler<DataTheDatabaseRefuses>();
        services.AddInfohusOpenApi();
        services.AddInfohusResponseHeaders();
        services.AddInfohusRateLimits(configuration);
        services.AddWolverineHttp();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Strict input: a missing or null required field, an unknown enum name or a number where a name
    /// belongs is a 400, not a silently defaulted value.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        InputLimits.Apply(json);
    }

    /// <summary>
    /// What the API reads requests with: <see cref="ConfigureJson"/>, and an unknown property or a number
    /// sent as a string is a 400 naming the field (<see cref="RequestBodies"/>), never silently dropped or converted.
    /// </summary>
    public static void ConfigureRequestJson(JsonSerializerOptions json)
    {
        ConfigureJson(json);
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.NumberHandling = JsonNumberHandling.Strict;
    }

    public static WebApplication UseInfohusPipeline(this WebApplication app)
    {
        app.UseInfohusResponseHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseInputLimits();
        // The host's own logger: with preserveStaticLogger the static one (the default here) writes nowhere.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetService<Serilog.ILogger>());
        app.UseAuthentication();
        app.UseInfohusRateLimits();
        app.UseAuthorization();
        app.UseConditionalRequests();
        app.UseStrictRequestBodies();
        app.UseIdempotencyKeys();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResultStatusCodes = InfohusTelemetry.ReadyStatusCodes }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapInfohusTelemetry();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/scalar").AllowAnonymous();
        }

        app.MapWolverineEndpoints(options =>
        {
            options.MapConcurrencyFailuresToConflict();
            options.RejectUnparseableQueryValues = true;
            // Outside Development every endpoint's code is compiled before the API listens, so no
            // first request waits seconds for it; Development keeps the faster start.
            if (!app.Environment.IsDevelopment()) options.WarmUpRoutes = RouteWarmup.Eager;
        });
        return app;
    }

    public static void UseInfohusWolverine(this WolverineOptions opts)
    {
        opts.ApplicationAssembly = typeof(InfohusHosting).Assembly;
        opts.UseRuntimeCompilation();
        // Local messages (the retention rule) go through the PostgreSQL-backed inbox and survive a restart.
        opts.Policies.UseDurableLocalQueues();
        opts.UseInfohusNotices();
    }
}
