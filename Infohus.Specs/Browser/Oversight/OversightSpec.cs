using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Infohus.Api.Cases.Intake;
using Infohus.Specs.Browser.Support;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Oversight;

/// <summary>A case as the oversight specs seed it through the API: id, version, reference.</summary>
public sealed record SeededCase(Guid Id, long Version, string Reference);

/// <summary>
/// The oversight pages' specs: cases are built by members through the real API on the browser host
/// (tokens, JSON, the one write path); the steering group, legal and the auditors then use the pages.
/// </summary>
public abstract class OversightSpec(BrowserApp app) : BrowserSpec(app)
{
    protected async Task<SeededCase> Referral(ReceiveReferral? referral = null, Caller? by = null)
    {
        using var api = App.Api(by ?? Caller.BfuMember);
        var answer = await api.PostAsJsonAsync("/api/cases", referral ?? Given.EmployeeReferral(), HttpSpeech.Json);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync());
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        return new SeededCase(body!["id"]!.GetValue<Guid>(), body["version"]!.GetValue<long>(), body["reference"]!.GetValue<string>());
    }

    protected async Task<SeededCase> Step(SeededCase @case, string action, object command, Caller? by = null)
    {
        using var api = App.Api(by ?? Caller.BfuMember);
        var answer = await api.PostAsync($"/api/cases/{@case.Id}/{action}", Json(command));
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync());
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {body?.ToJsonString()}");
        return @case with { Version = body!["version"]!.GetValue<long>() };
    }

    /// <summary>A referral taken along the plan to closure: specific prevention, guidance, handed over, evaluated, closed.</summary>
    protected async Task<SeededCase> ClosedCase()
    {
        var @case = await Referral();
        @case = await Step(@case, "manager-informed", new InformManager(@case.Version));
        @case = await Step(@case, "interview", new HoldInterview(@case.Version, true, true));
        @case = await Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu], "moderate", PreventionTier.Specific));
        @case = await Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Guidance));
        @case = await Step(@case, "handover", new HandOver(@case.Version, "Hirtshals Skole"));
        @case = await Step(@case, "evaluation", new EvaluateCourse(@case.Version, EvaluationOutcome.ConcernReduced));
        return await Step(@case, "closure", new CloseCase(@case.Version));
    }

    /// <summary>A read through the API as <paramref name="caller"/>, with a purpose; the JSON (problem details included) and the status.</summary>
    protected async Task<(HttpStatusCode Status, JsonNode? Body)> ApiGet(string url, Caller caller, string? purpose = "specs compare the page with the API")
    {
        using var api = App.Api(caller);
        if (purpose is not null) api.DefaultRequestHeaders.Add("X-Purpose", purpose);
        var answer = await api.GetAsync(url);
        var text = await answer.Content.ReadAsStringAsync();
        return (answer.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    protected async Task<(HttpStatusCode Status, JsonNode? Body)> ApiPost(string url, object command, Caller caller)
    {
        using var api = App.Api(caller);
        var answer = await api.PostAsync(url, Json(command));
        var text = await answer.Content.ReadAsStringAsync();
        return (answer.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The anonymous register is an async projection: the statistics count it once the daemon has caught up.</summary>
    protected Task RegisterCaughtUp() =>
        App.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    /// <summary>A download started by clicking a link: its file name and its text (the CSV's byte-order mark kept).</summary>
    protected async Task<(string Name, string Text)> Download(ILocator link)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path)));
    }

    private static StringContent Json(object command) =>
        new(System.Text.Json.JsonSerializer.Serialize(command, command.GetType(), HttpSpeech.Json), System.Text.Encoding.UTF8, "application/json");

    protected async Task<int> Status(string url) => (await Page.GotoAsync(url))!.Status;

    protected async Task<string> H1() => await Page.Locator("h1").InnerTextAsync();
}
