using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using Infohus.Api.Security;
using Infohus.EventStore.Members;
using Microsoft.IdentityModel.Tokens;

namespace Infohus.Benchmarks;

/// <summary>
/// The API as it is deployed: its own process, Production settings, Kestrel on loopback, with keys
/// made for this run. Its projection daemon is off, so the benchmark measures the daemon alone.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private const string Issuer = "infohus-benchmark";
    private const string Audience = "infohus-api";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TokenSigning _tokens;

    public Uri BaseAddress { get; }

    private ApiProcess(Process process, StreamWriter log, Uri baseAddress, TokenSigning tokens)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        _tokens = tokens;
    }

    /// <summary>CPU time the API process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string Token(Role role, Department? department) =>
        _tokens.Issue($"bench-{role}".ToLowerInvariant(), "Benchmark", role, department, TimeSpan.FromHours(2));

    public static async Task<ApiProcess> Start(string repositoryRoot, string connectionString, string masterKey, string logFile, string telemetry = "metrics")
    {
        var configuration = typeof(ApiProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var api = Path.Combine(repositoryRoot, "Infohus.Api", "bin", configuration, "net10.0", "Infohus.Api.dll");
        if (!File.Exists(api)) throw new FileNotFoundException($"Build the API first ({api}).");

        var port = FreePort();
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(api);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // INFOHUS_BENCH_API_POOL=N caps the API's connection pool (how many transactions it runs at once).
        start.Environment["ConnectionStrings__Infohus"] = Environment.GetEnvironmentVariable("INFOHUS_BENCH_API_POOL") is { Length: > 0 } pool
            ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = int.Parse(pool, System.Globalization.CultureInfo.InvariantCulture) }.ConnectionString
            : connectionString;
        start.Environment["Infohus__Auth__Issuer"] = Issuer;
        start.Environment["Infohus__Auth__Audience"] = Audience;
        start.Environment["Infohus__Auth__SigningKey"] = signingKey;
        start.Environment["Infohus__PersonalData__MasterKey"] = masterKey;
        // The synthetic history reaches back decades and was never erased day by day as a running
        // Infohus's is: the retention rule's first run (five minutes after start) would erase thousands
        // of cases at once inside a measured phase. Here personal data is kept a century.
        start.Environment["Infohus__PersonalData__Retention"] = "36500.00:00:00";
        start.Environment["Infohus__PersonalData__IndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Infohus__Projections__DaemonMode"] = "Disabled";
        // The benchmark is one client sending as fast as the API answers: no person's rate limit applies.
        start.Environment["Infohus__RateLimits__RequestsPerMinute"] = "100000000";
        start.Environment["Infohus__Telemetry__Enabled"] = telemetry == "off" ? "false" : "true";
        start.Environment["Infohus__Telemetry__Traces"] = telemetry == "traces" ? "true" : "false";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        var log = new StreamWriter(logFile) { AutoFlush = false };
        process.OutputDataReceived += (_, line) => { lock (log) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { lock (log) log.WriteLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var tokens = new TokenSigning(new AuthSettings { Issuer = Issuer, Audience = Audience, SigningKey = signingKey },
            new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(signingKey)));
        var running = new ApiProcess(process, log, new Uri($"http://127.0.0.1:{port}"), tokens);
        await running.WaitUntilReady(logFile);
        return running;
    }

    private async Task WaitUntilReady(string logFile)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API stopped at start (exit {_process.ExitCode}); see {logFile}.");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The API was not ready within two minutes; see {logFile}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
