using System.Diagnostics;
using Infohus.Api.Security;
using Infohus.Api.Hosting;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wolverine;

namespace Infohus.Specs.Browser.Support;

/// <summary>
/// One Kestrel-hosted app on a real loopback port and one headless Chromium for every browser spec in
/// the run. The app has a database of its own (infohus_browser), so the browser specs run beside the
/// API specs' shared host. Chromium is Debian's (/usr/bin/chromium): Playwright's own browser download
/// is not reachable here, so the fixture installs the package when it runs as root and otherwise
/// fails with the command to run.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Database = "infohus_browser";
    public const string Chromium = "/usr/bin/chromium";

    private KestrelApp _app = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        EnsureChromium();
        var connectionString = await SpecDatabases.Fresh(Database);
        JasperFxEnvironment.AutoStartHost = true;
        _app = new KestrelApp(connectionString);
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>Every spec starts from an empty store, like the API specs.</summary>
    public Task Reset() => Services.ResetAllMartenDataAsync();

    /// <summary>An API client on the same server with a token of the given person, to compare a page with the API.</summary>
    public HttpClient Api(Caller caller)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var token = Services.GetRequiredService<TokenSigning>().Issue(caller.Subject, caller.Subject, caller.Role, caller.Department, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void EnsureChromium()
    {
        if (File.Exists(Chromium)) return;
        const string install = "apt-get update && apt-get install -y chromium";
        if (Environment.UserName != "root")
            throw new InvalidOperationException($"The browser specs need Debian's Chromium at {Chromium}. Install it as root: {install}");
        using var apt = Process.Start(new ProcessStartInfo("bash", ["-c", install + " > /tmp/infohus-chromium-install.log 2>&1"]))!;
        apt.WaitForExit();
        if (apt.ExitCode != 0 || !File.Exists(Chromium))
            throw new InvalidOperationException($"Installing Chromium failed (see /tmp/infohus-chromium-install.log). Run as root: {install}");
    }

    /// <summary>The members the browser's host lists in <c>Infohus:Members</c>.</summary>
    public static readonly IReadOnlyList<Assignee> Members =
    [
        new("dev-mette-jensen", "Mette Jensen", Department.Bfu),
        new("au-member", "Anna Andersen", Department.Au),
        new("politi-member", "Peter Holm", Department.Police)
    ];

    private sealed class KestrelApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting($"ConnectionStrings:{InfohusDatabase.ConnectionStringName}", connectionString);
            builder.UseSetting("Infohus:Projections:DaemonMode", "Solo");
            // Spec clients (the page timings, the crawler) send far more requests a minute than a person does.
            builder.UseSetting("Infohus:RateLimits:RequestsPerMinute", InfohusApp.SpecRequestsPerMinute);
            // The municipality's list of members, as the forms that name a member offer it.
            foreach (var (member, i) in Members.Select((m, i) => (m, i)))
            {
                builder.UseSetting($"Infohus:Members:{i}:Subject", member.MemberId);
                builder.UseSetting($"Infohus:Members:{i}:Name", member.Name);
                builder.UseSetting($"Infohus:Members:{i}:Department", member.Department.ToString());
            }
            builder.ConfigureServices(services => services.RunWolverineInSoloMode());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
