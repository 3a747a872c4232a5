using System.Text.RegularExpressions;
using Infohus.Api.Cases.Targeting;
using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Oversight;

/// <summary>
/// Each role, signed in, follows every link its pages offer (menu, tabs, cases, steps, timelines,
/// reports, downloads; not what a form sends) from the home page, as a person clicking around would: no link may end on an
/// error, a missing page or a refusal. A link a role is offered must be a page the role can open, and
/// every kind of page reached passes axe.
/// </summary>
public partial class when_each_role_follows_every_link(BrowserApp app) : OversightSpec(app)
{
    private const int MostPages = 250;

    public static TheoryData<Role, Department?, string> Roles => new()
    {
        { Role.Member, Department.Bfu, "Mette Jensen" },
        { Role.Coordinator, Department.Bfu, "Sofie Lund" },
        { Role.Steering, null, "Styregruppens formand" },
        { Role.Legal, null, "Lone Jurist" },
        { Role.Auditor, null, "Revisor Rasmussen" }
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task no_link_ends_on_an_error_or_a_refusal(Role role, Department? department, string name)
    {
        await Seed();
        await SignIn(role, department, name);

        var visited = new Dictionary<string, int>();
        var broken = new List<string>();
        var pages = new List<string>();
        var queue = new Queue<string>([new Uri(Page.Url).PathAndQuery]);
        while (queue.TryDequeue(out var url) && visited.Count < MostPages)
        {
            if (visited.ContainsKey(url)) continue;
            var response = await Page.Context.APIRequest.GetAsync(url);
            visited[url] = response.Status;
            // A refusal shows as 403, an error as 5xx; a lost session would end on the sign-in page with a 200.
            if (response.Status >= 400 || new Uri(response.Url).AbsolutePath == "/logind") broken.Add($"{response.Status} {url} → {response.Url}");
            if (!(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))) continue;
            pages.Add(url);
            foreach (var link in Links(await response.TextAsync()).Where(l => !visited.ContainsKey(l)))
                queue.Enqueue(link);
        }

        broken.ShouldBeEmpty($"{role}: links that end on an error or a refusal");

        // Every kind of page reached (one of each, a case's id aside) in the browser, under axe.
        var inaccessible = new List<string>();
        foreach (var page in pages.DistinctBy(Template))
        {
            await Page.GotoAsync(page);
            inaccessible.AddRange((await AxeViolations()).Select(v => $"{page} {v}"));
        }
        inaccessible.ShouldBeEmpty($"{role}: axe on every kind of page");
        visited.Count.ShouldBeGreaterThan(role is Role.Member or Role.Coordinator ? 20 : 3, $"{role} followed {string.Join(", ", visited.Keys)}");
        visited.Count.ShouldBeLessThan(MostPages, "the crawl ended because every link was followed, not at its limit");
    }

    /// <summary>Two open cases along the plan (one with a crisis team and a §115 disclosure), one closed, and one in the queue.</summary>
    private async Task Seed()
    {
        var crisis = await Referral();
        crisis = await Step(crisis, "manager-informed", new InformManager(crisis.Version));
        crisis = await Step(crisis, "interview", new HoldInterview(crisis.Version, true, true));
        crisis = await Step(crisis, "assessment", new AssessConcern(crisis.Version, true, [Department.Bfu, Department.Police], "high", PreventionTier.Targeted));
        crisis = await Step(crisis, "feedback", new GiveFeedback(crisis.Version, FeedbackKind.Targeted));
        crisis = await Step(crisis, "crisis-team", new ConveneCrisisTeam(crisis.Version, [Department.Bfu, Department.Police]));
        await Step(crisis, "disclosures", Given.Disclosure(crisis.Version));

        await ClosedCase();

        await Referral(by: Caller.AuMember);
        await RegisterCaughtUp();
    }

    /// <summary>The page's own links: paths on this host, not anchors, sign-out or the design system's files.</summary>
    private static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(l => l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Split('#')[0])
            .Where(l => l.Length > 0 && l != "/logud" && !l.StartsWith("/dkfds/", StringComparison.Ordinal) && !l.StartsWith("/css/", StringComparison.Ordinal))
            .Distinct();

    /// <summary>A page's kind: its path with ids and query values left out.</summary>
    private static string Template(string url) => Id().Replace(url.Split('?')[0], "{id}") + (url.Contains('?') ? "?" + string.Join('&', url.Split('?')[1].Split('&').Select(p => p.Split('=')[0])) : "");

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Id();
}
