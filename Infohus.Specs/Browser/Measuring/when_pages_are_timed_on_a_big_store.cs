using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Infohus.Specs.Browser.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Infohus.Specs.Browser.Measuring;

/// <summary>Runs only when <c>INFOHUS_PAGE_TIMES=1</c>: it grows a store of the benchmark's size first (about a minute).</summary>
public sealed class MeasuredOnRequestFact : FactAttribute
{
    public MeasuredOnRequestFact()
    {
        if (Environment.GetEnvironmentVariable("INFOHUS_PAGE_TIMES") != "1") Skip = "Set INFOHUS_PAGE_TIMES=1 to time the pages on a 100 000-event store.";
    }
}

/// <summary>
/// The members' pages timed on a store of 100 000 events (closed courses like the benchmark's, one
/// referral every two hours back from now): each page requested 200 times after a warm-up by a signed-in
/// member over loopback; the p50/p95 printed. A measurement, never an assertion on speed.
/// </summary>
public partial class when_pages_are_timed_on_a_big_store(BrowserApp app, ITestOutputHelper output) : BrowserSpec(app)
{
    private const int Events = 100_000;
    private const int Requests = 200;

    [MeasuredOnRequestFact]
    public async Task each_page_answers_and_its_times_are_printed()
    {
        var cases = await Grow();
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = App.BaseAddress };
        await SignInOver(client);
        var someCase = cases[cases.Count / 2];
        (await client.PostAsync($"/sager/{someCase}?handler=Formaal", await WithToken(client, $"/sager/{someCase}", ("formaal", "Måling")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var meeting = await CallMeeting(client);
        var pages = new[]
        {
            "/", "/?visning=afdeling", "/?visning=afventer", "/?visning=overskredet", "/?visning=akut", "/?visning=alle", "/?visning=lukkede",
            $"/sager/{someCase}", $"/sager/{cases[1]}", $"/sager/{someCase}/trin/notes", $"/sager/{someCase}/udskrift",
            "/henvendelser/ny", "/henvendelser/person", "/moeder", $"/moeder/{meeting}", "/oplysning"
        };
        output.WriteLine($"Store: {Events} events, {cases.Count} cases. Times in ms at the client on loopback ({Requests} requests per page after 20 warm-up).");
        output.WriteLine("| page | p50 | p95 | max |");
        output.WriteLine("|---|---|---|---|");
        foreach (var page in pages)
        {
            for (var i = 0; i < 20; i++) (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK, page);
            var times = new List<double>();
            for (var i = 0; i < Requests; i++)
            {
                var watch = Stopwatch.StartNew();
                using var answer = await client.GetAsync(page);
                await answer.Content.ReadAsByteArrayAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
                answer.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            }
            times.Sort();
            output.WriteLine($"| {Regex.Replace(page, "[0-9a-f-]{36}", "{id}")} | {times[Requests / 2]:F1} | {times[(int)(Requests * 0.95)]:F1} | {times[^1]:F1} |");
        }
    }

    /// <summary>Closed courses decided by the plan's own functions, stored a thousand cases per transaction.</summary>
    private async Task<IReadOnlyList<Guid>> Grow()
    {
        var store = App.Services.GetRequiredService<IDocumentStore>();
        var protection = App.Services.GetRequiredService<PersonalDataProtection>();
        var plan = ActionPlanSettings.Defaults();
        var member = new MemberRef("bench-bfu", Role.Member, Department.Bfu);
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        var ids = new List<Guid>();
        var events = 0;
        while (events < Events)
        {
            await using var session = store.LightweightSession();
            for (var i = 0; i < 1000 && events < Events; i++)
            {
                var at = now - TimeSpan.FromHours(2) * (ids.Count + 1);
                var id = Guid.CreateVersion7();
                var (key, cipher) = protection.NewKey(id, at);
                var registration = new Registration(random.Next(8, 70), Gender.Male, NationalityGroup.Danish, "hjoerring", FamilyNetwork.Strained,
                    Attachment.School, IdeologyCategory.RightWing, [WarningSign.ChangedBehaviour]);
                var all = new List<object>();
                var state = Step(all, null, ReceiveReferralStep.ReceiveReferral(id, ReferralSource.Employee, ReferralChannel.Phone, ReferrerOrganisation.School,
                    registration, cipher.Seal("A teacher has noticed a change in the pupil."), SubjectDetails.None, ReferrerDetails.None, null, plan, at, member,
                    $"{at.Year}-{ids.Count + 1:D6}"));
                state = Step(all, state, state.InformManager(at.AddMinutes(30), member));
                state = Step(all, state, state.HoldInterview(true, true, cipher.Seal("Notes."), at.AddHours(1), member));
                state = Step(all, state, state.Assess(true, "moderate", PreventionTier.Specific, [Department.Bfu], plan, at.AddHours(2), member));
                if (ids.Count % 10 != 0)
                {
                    state = Step(all, state, state.GiveFeedback(FeedbackKind.Guidance, at.AddHours(3), member));
                    state = Step(all, state, state.HandOver("School", at.AddHours(4), member));
                    state = Step(all, state, state.Evaluate(EvaluationOutcome.ConcernResolved, null, at.AddHours(5), member));
                    Step(all, state, state.Close(at.AddHours(6), member));
                }
                session.Store(key);
                session.Events.StartStream<Case>(id, all);
                ids.Add(id);
                events += all.Count;
            }
            await session.SaveChangesAsync();
        }
        output.WriteLine($"Grown: {events} events.");
        return ids;
    }

    private static Case Step(List<object> all, Case? state, Decision decision)
    {
        if (decision.Refusal is { } refusal) throw new InvalidOperationException(refusal.Reason);
        all.AddRange(decision.Events);
        return state is null ? CaseReplay.Replay(decision.Events) : decision.Events.Aggregate(state, (s, e) => s.Then(e));
    }

    private static async Task SignInOver(HttpClient client) =>
        (await client.PostAsync("/logind", await WithToken(client, "/logind",
            ("Rolle", "Member"), ("Forvaltning", "Bfu"), ("Navn", "Måler")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

    private static async Task<Guid> CallMeeting(HttpClient client)
    {
        var answer = await client.PostAsync("/moeder", await WithToken(client, "/moeder",
            ("Kind", "Monthly"), ("Date", "2026-12-03"), ("Attendees", "Bfu"), ("noegle", Guid.NewGuid().ToString())));
        return Guid.Parse(answer.Headers.Location!.ToString().Split('/').Last());
    }

    /// <summary>A form's fields with the antiforgery token of the page that holds the form.</summary>
    private static async Task<FormUrlEncodedContent> WithToken(HttpClient client, string page, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        return new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
