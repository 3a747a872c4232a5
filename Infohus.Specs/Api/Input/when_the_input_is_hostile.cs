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

        foreach (var route in PostRoutes())
        {
            var url = route.Replace("{id}", @case.Id.ToString()).Replace("{interventionId}", Guid.NewGuid().ToString());
            foreach (var (what, body) in HostileBodies())
            {
                var answer = await Host.PostRaw(url, body, Caller.SspConsultant);
                if ((int)answer.Status is < 400 or > 499) failures.Add($"POST {route} with {what}: {(int)answer.Status}");
                else if (answer.Body?["title"] is null) failures.Add($"POST {route} with {what}: {(int)answer.Status} without problem details");
            }
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

    private static string Referral(string description, string warningSigns) =>
        "{\"source\": \"employee\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \"" + description + "\", " +
        "\"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", " +
        "\"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": [" + warningSigns + "]}}";

    private IReadOnlyList<string> PostRoutes() =>
    [
        .. Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
    ];
}
