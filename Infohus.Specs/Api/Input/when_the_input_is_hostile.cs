using System.Text;
using Infohus.Api.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Input;

/// <summary>
/// Every endpoint that takes a body, read from the routing table, gets malformed, oversized, deeply
/// nested, over-long and over-full bodies: each is a 4xx with problem details, never a 5xx, and
/// nothing is stored.
/// </summary>
public class when_the_input_is_hostile(InfohusApp app) : ApiSpec(app)
{
    private static readonly string LongText = new('x', InputLimits.MaxTextLength + 1);

    private static IEnumerable<(string What, string Body)> HostileBodies()
    {
        yield return ("malformed", "{\"version\": ");
        yield return ("not JSON at all", "\u0000\u0001garbage\u00ff");
        yield return ("a bare string", "\"" + LongText + "\"");
        yield return ("oversized", "{\"description\": \"" + new string('y', (int)InputLimits.MaxBodyBytes) + "\"}");
        yield return ("deeply nested", "{\"version\": 0, \"x\": " + new string('[', 200) + new string(']', 200) + "}");
        yield return ("a nested object past the depth", string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40));
        // Version 0 is refused by every step, so a body is never accidentally a valid command.
        yield return ("an over-long text", "{\"version\": 0, \"description\": \"" + LongText + "\", \"necessity\": \"" + LongText + "\"}");
        yield return ("an over-full list", "{\"version\": 0, \"participants\": [" + string.Join(",", Enumerable.Repeat("\"bfu\"", InputLimits.MaxListItems + 1)) + "], \"categories\": [" + string.Join(",", Enumerable.Repeat("\"identity\"", InputLimits.MaxListItems + 1)) + "]}");
        yield return ("numbers where names belong", "{\"version\": 1e308, \"source\": 123456789012345678901234567890}");
    }

    [Fact]
    public async Task every_endpoint_answers_every_hostile_body_with_a_4xx_and_stores_nothing()
    {
        var @case = await Host.ReferralFromEmployee();
        var events = await Host.StoredEventCount();
        var failures = new List<string>();

        var routes = PostRoutes();
        // The routing table is where the routes come from; if it lost some (an assembly not scanned, a
        // route renamed), this spec would pass on what is left. Every documented POST route must be there.
        routes.Count.ShouldBeGreaterThanOrEqualTo(DocumentedPostRoutes.Length, string.Join(", ", routes));
        DocumentedPostRoutes.Except(routes).ShouldBeEmpty("documented POST routes missing from the routing table");

        foreach (var route in routes)
        {
            var url = route.Replace("{id}", @case.Id.ToString()).Replace("{interventionId}", Guid.NewGuid().ToString());
            var reached = false;
            foreach (var (what, body) in HostileBodies())
            {
                var answer = await Host.PostRaw(url, body, CallerAllowedOn(route));
                if ((int)answer.Status is < 400 or > 499) failures.Add($"POST {route} with {what}: {(int)answer.Status}");
                else if (answer.Body?["title"] is null) failures.Add($"POST {route} with {what}: {(int)answer.Status} without problem details");
                reached |= answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge;
            }
            // A route that answered every body with 401, 403 or 404 never read one: it was not tested.
            if (!reached) failures.Add($"POST {route}: no hostile body reached the body's checks");
        }

        failures.ShouldBeEmpty();
        (await Host.StoredEventCount()).ShouldBe(events, "no hostile body may store anything");
    }

    [Fact]
    public async Task each_bound_is_named_in_the_answer()
    {
        var oversized = await Host.PostRaw("/api/cases", "{\"description\": \"" + new string('y', (int)InputLimits.MaxBodyBytes) + "\"}", Caller.BfuMember);
        var deep = await Host.PostRaw("/api/cases", string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40), Caller.BfuMember);
        var longText = await Host.PostRaw("/api/cases", Referral(LongText, "\"changed-behaviour\""), Caller.BfuMember);
        var fullList = await Host.PostRaw("/api/cases", Referral("A concern.", string.Join(",", Enumerable.Repeat("\"changed-behaviour\"", InputLimits.MaxListItems + 1))), Caller.BfuMember);

        oversized.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        oversized.Detail.ShouldContain("KiB");
        deep.Status.ShouldBe(HttpStatusCode.BadRequest);
        deep.Detail.ShouldContain($"depth of {InputLimits.MaxDepth}", customMessage: deep.ToString());
        longText.Status.ShouldBe(HttpStatusCode.BadRequest);
        longText.Detail.ShouldContain($"{InputLimits.MaxTextLength} characters");
        longText.Detail.ShouldNotContain("xxxxxxxxxx", customMessage: "the refusal never echoes the value");
        fullList.Status.ShouldBe(HttpStatusCode.BadRequest);
        fullList.Detail.ShouldContain($"{InputLimits.MaxListItems} items");
        (await Host.StoredEventCount()).ShouldBe(0);

        var fits = await Host.PostRaw("/api/cases", Referral(new string('z', InputLimits.MaxTextLength), "\"changed-behaviour\""), Caller.BfuMember);
        fits.Status.ShouldBe(HttpStatusCode.Created, $"a text at the bound is accepted: {fits}");
    }

    [Theory]
    [InlineData("\\u0000", "NUL")]
    [InlineData("\\u001b[2J", "an escape sequence")]
    [InlineData("\\u0007", "a bell")]
    [InlineData("\\u007f", "DEL")]
    [InlineData("\\u0085", "a C1 control")]
    public async Task a_control_character_in_any_text_is_a_400_that_names_the_rule_and_stores_nothing(string control, string what)
    {
        var @case = await Host.NotExtremismReferral();
        var events = await Host.StoredEventCount();

        var sealedText = await Host.PostRaw("/api/cases", Referral("A concern" + control, "\"changed-behaviour\""), Caller.BfuMember);
        // An unsealed text goes to PostgreSQL as it is: a NUL there made its JSON error quote the document.
        var unsealedText = await Host.PostRaw(@case.Url("redirection"),
            $$"""{"version": {{@case.Version}}, "body": "Jobcenter Hjørring{{control}}", "reason": "forced-marriage"}""", Caller.BfuMember);
        var outreach = await Host.PostRaw("/api/outreach/newsletters", $$"""{"date": "2026-02-01", "audience": "all staff{{control}}"}""", Caller.BfuMember);

        foreach (var answer in new[] { sealedText, unsealedText, outreach })
        {
            answer.Status.ShouldBe(HttpStatusCode.BadRequest, $"{what}: {answer}");
            answer.Detail.ShouldContain("control character", customMessage: what);
        }
        (await Host.StoredEventCount()).ShouldBe(events);
    }

    [Fact]
    public async Task tab_line_feed_and_carriage_return_stay_allowed_in_free_text()
    {
        var answer = await Host.PostRaw("/api/cases", Referral("First line\\r\\nsecond line\\tindented", "\"changed-behaviour\""), Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
    }

    [Theory]
    [InlineData("/api/cases?assignedTo=bfu%00member", "member")]
    [InlineData("/api/cases?status=open%00", "member")]
    [InlineData("/api/access-log?user=legal%00", "legal")]
    [InlineData("/api/disclosures?recipient=Skole%00", "legal")]
    [InlineData("/api/cases/{id}?purpose=review%00", "member")]
    [InlineData("/api/cases/{id}/timeline?purpose=review%1b", "member")]
    public async Task a_control_character_in_a_query_parameter_is_a_400_and_reads_nothing(string url, string reader)
    {
        var @case = await Host.ReferralFromEmployee();

        var answer = await Host.Get(url.Replace("{id}", @case.Id.ToString()), reader == "legal" ? Caller.Legal : Caller.BfuMember,
            purpose: url.Contains("purpose=") ? null : "specs check the answer");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
        answer.Detail.ShouldContain("control character");
        (await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Auditor)).Body!["total"]!.GetValue<long>().ShouldBe(0, "a refused read is not a read");
    }

    [Fact]
    public async Task a_control_character_in_the_purpose_header_or_an_idempotency_key_is_a_400()
    {
        var @case = await Host.ReferralFromEmployee();

        var read = await Host.Get(@case.Url(), Caller.BfuMember, "review\0of the case");
        var (write, _) = await Host.PostWithKey("/api/outreach/newsletters", new Infohus.Api.Outreach.SendNewsletter(new DateOnly(2026, 2, 1), "all staff"), Caller.BfuMember, "key\0one");

        read.Status.ShouldBe(HttpStatusCode.BadRequest, read.ToString());
        read.Detail.ShouldContain("control character");
        write.Status.ShouldBe(HttpStatusCode.BadRequest, write.ToString());
        write.Detail.ShouldContain("control character");
        (await Host.StoredEventCount()).ShouldBe(1);
        (await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Auditor)).Body!["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/cases", "member")]
    [InlineData("/api/access-log", "legal")]
    [InlineData("/api/disclosures", "legal")]
    public async Task a_page_past_the_bound_is_a_400_naming_it_and_the_bound_itself_is_an_empty_page(string list, string reader)
    {
        var caller = reader == "legal" ? Caller.Legal : Caller.BfuMember;

        // 2147483647 x 50 overflowed the database offset: a 500 before the bound.
        var far = await Host.Get($"{list}?page=2147483647", caller);
        var farAndWide = await Host.Get($"{list}?page={InputLimits.MaxPage + 1}&pageSize=200", caller);
        var last = await Host.Get($"{list}?page={InputLimits.MaxPage}&pageSize=200", caller);

        far.Status.ShouldBe(HttpStatusCode.BadRequest, far.ToString());
        far.Detail.ShouldContain($"between 1 and {InputLimits.MaxPage}");
        farAndWide.Status.ShouldBe(HttpStatusCode.BadRequest, farAndWide.ToString());
        last.Status.ShouldBe(HttpStatusCode.OK, last.ToString());
        last.Body!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("1000001")]
    public async Task a_number_past_the_bound_in_any_body_is_a_400_naming_the_bound(string number)
    {
        var @case = await Host.ReferralFromEmployee();

        var step = await Host.PostRaw(@case.Url("manager-informed"), $$"""{"version": {{number}}}""", Caller.BfuMember);
        var age = await Host.PostRaw("/api/cases", Referral("A concern.", "\"changed-behaviour\"").Replace("\"age\": 15", $"\"age\": {number}"), Caller.BfuMember);

        foreach (var answer in new[] { step, age })
        {
            answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
            answer.Detail.ShouldContain(InputLimits.MaxNumber.ToString());
        }
        (await Host.StoredEventCount()).ShouldBe(1);
    }

    private static string Referral(string description, string warningSigns) =>
        "{\"source\": \"employee\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \"" + description + "\", " +
        "\"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", " +
        "\"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": [" + warningSigns + "]}}";

    /// <summary>The POST routes the README documents: the floor for what the routing table must hold.</summary>
    private static readonly string[] DocumentedPostRoutes =
    [
        "/api/cases", "/api/cases/{id}/registration", "/api/cases/{id}/manager-informed", "/api/cases/{id}/interview",
        "/api/cases/{id}/assessment", "/api/cases/{id}/redirection", "/api/cases/{id}/pet-eae-report", "/api/cases/{id}/feedback",
        "/api/cases/{id}/citizen-guidance", "/api/cases/{id}/handover", "/api/cases/{id}/crisis-team", "/api/cases/{id}/preparedness-plan",
        "/api/cases/{id}/interventions", "/api/cases/{id}/interventions/{interventionId}/decision", "/api/cases/{id}/follow-ups",
        "/api/cases/{id}/evaluation", "/api/cases/{id}/closure", "/api/cases/{id}/reopening", "/api/cases/{id}/erasure",
        "/api/cases/{id}/disclosures", "/api/cases/{id}/internal-communications", "/api/cases/{id}/press/heads-informed",
        "/api/cases/{id}/press/spokesperson", "/api/cases/{id}/press/messages", "/api/meetings", "/api/outreach/meetings",
        "/api/outreach/meetings/{id}/correction", "/api/outreach/newsletters", "/api/outreach/courses",
        "/api/cases/{id}/notes", "/api/cases/{id}/documents",
    ];

    /// <summary>A caller the route's policy lets through, so the body is what is tested, not the token.</summary>
    private static Caller CallerAllowedOn(string route) => route switch
    {
        _ when route.EndsWith("/erasure") => Caller.Legal,
        _ when route.EndsWith("/pet-eae-report") => Caller.PoliceMember,
        _ => Caller.SspConsultant
    };

    private IReadOnlyList<string> PostRoutes() =>
    [
        .. Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
    ];
}
