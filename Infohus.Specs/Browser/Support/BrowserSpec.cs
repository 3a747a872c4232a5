using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Support;

/// <summary>
/// A spec in the browser: one browser context (its own cookies) and one page per spec on the shared
/// Chromium, from an empty event store. Text is what staff read, so the specs look for Danish words.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserSpec(BrowserApp app) : IAsyncLifetime
{
    /// <summary>Set to 1 to have the specs write the README's screenshots to docs/screenshots.</summary>
    public const string ScreenshotsVariable = "INFOHUS_SCREENSHOTS";

    private IBrowserContext _context = null!;

    protected BrowserApp App => app;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await app.Reset();
        _context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 }
        });
        _context.SetDefaultTimeout(15_000);
        // A page load waits for the server's answer: more patience than for an element, for a loaded CI machine.
        _context.SetDefaultNavigationTimeout(30_000);
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        // INFOHUS_BROWSER_LAST=folder keeps each spec's last page (picture and HTML) to see why one failed.
        if (Environment.GetEnvironmentVariable("INFOHUS_BROWSER_LAST") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = Path.Combine(folder, GetType().Name);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = name + ".png", FullPage = true });
            await File.WriteAllTextAsync(name + ".html", await Page.ContentAsync());
        }
        await _context.DisposeAsync();
    }

    /// <summary>Signs in on the development sign-in page, as a person would: role, department, name.</summary>
    protected async Task SignIn(Role role, Department? department, string name)
    {
        await Page.GotoAsync("/logind");
        await Page.GetByLabel(Infohus.Api.Web.Dansk.Ord(role), new() { Exact = true }).CheckAsync();
        if (department is { } d) await Page.GetByLabel("Forvaltning (medlemmer og koordinator)").SelectOptionAsync(d.ToString());
        await Page.GetByLabel("Navn", new() { Exact = true }).FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        // Signed in when the browser has left the sign-in page for the role's home page, and that page has loaded.
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != Infohus.Api.Security.WebSignIn.SignInPath);
    }

    /// <summary>axe-core in the page: fails on any serious or critical violation, naming each with its elements.</summary>
    protected async Task ShouldBeAccessible()
    {
        var blocking = await AxeViolations();
        blocking.ShouldBeEmpty($"axe on {Page.Url}:\n" + string.Join("\n", blocking));
    }

    /// <summary>axe-core's serious and critical violations on the page, each with its elements.</summary>
    protected async Task<IReadOnlyList<string>> AxeViolations()
    {
        var result = await Page.RunAxe();
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
            $"- {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString() ?? n.Html))}")];
    }

    /// <summary>With INFOHUS_SCREENSHOTS=1 the page is saved as docs/screenshots/<paramref name="name"/>.png for the README.</summary>
    protected async Task Screenshot(string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) != "1") return;
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Infohus.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Infohus.sln not found above the specs' folder.");
    }
}
