using System.Net;
using System.Text.Json;
using Alba;
using Infohus.Api.Contract;
using Infohus.Api.Idempotency;

namespace Infohus.Specs.Api.Contract;

/// <summary>HTTP's own means, as an integrator's HTTP client uses them: ETag and If-Match, caching, sniffing, compression, replays, rate limits.</summary>
public class when_the_api_answers_over_http(InfohusApp app) : ApiSpec(app)
{
    private async Task<IScenarioResult> Send(string method, string url, Caller caller, string? json = null, Action<Scenario>? more = null) =>
        await Host.Scenario(s =>
        {
            if (method == "GET") s.Get.Url(url);
            else
            {
                s.Post.Text(json ?? "").ToUrl(url);
                s.WithRequestHeader("Content-Type", "application/json");
            }
            s.WithRequestHeader("X-Purpose", "specs check the answer");
            if (caller != Caller.Anonymous) s.WithRequestHeader("Authorization", $"Bearer {Host.TokenFor(caller)}");
            more?.Invoke(s);
            s.IgnoreStatusCode();
        });

    [Fact]
    public async Task a_case_read_answers_its_version_as_etag()
    {
        var @case = await Host.ReferralFromEmployee();

        var read = await Send("GET", @case.Url(), Caller.BfuMember);

        read.Context.Response.Headers.ETag.ToString().ShouldBe($"\"{@case.Version}\"");
    }

    [Fact]
    public async Task if_match_stands_for_the_body_version()
    {
        var @case = await Host.ReferralFromEmployee();

        var step = await Send("POST", @case.Url("manager-informed"), Caller.BfuMember, "{}", s => s.WithRequestHeader("If-Match", $"\"{@case.Version}\""));
        var stale = await Send("POST", @case.Url("interview"), Caller.BfuMember, "{\"notificationDutyExplained\": true, \"immigrationServiceDutyExplained\": true}",
            s => s.WithRequestHeader("If-Match", $"\"{@case.Version}\""));
        var contradicting = await Send("POST", @case.Url("interview"), Caller.BfuMember,
            $"{{\"version\": {@case.Version + 1}, \"notificationDutyExplained\": true, \"immigrationServiceDutyExplained\": true}}",
            s => s.WithRequestHeader("If-Match", $"\"{@case.Version}\""));

        step.Context.Response.StatusCode.ShouldBe(200, await step.ReadAsTextAsync());
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version + 1);
        stale.Context.Response.StatusCode.ShouldBe(409);
        var problem = JsonDocument.Parse(await stale.ReadAsTextAsync()).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(ProblemTypes.StaleVersion.Code);
        problem.GetProperty("currentVersion").GetInt64().ShouldBe(@case.Version + 1);
        contradicting.Context.Response.StatusCode.ShouldBe(400);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version + 1);
    }

    [Theory]
    [InlineData("GET", "/api/cases")]
    [InlineData("GET", "/api/cases/{id}")]
    [InlineData("GET", "/api/cases/{id}/timeline")]
    [InlineData("POST", "/api/cases/{id}/manager-informed")]
    [InlineData("GET", "/api/statistics")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task no_answer_is_cached_sniffed_or_names_its_server(string method, string route)
    {
        var @case = await Host.ReferralFromEmployee();

        var answer = await Send(method, route.Replace("{id}", @case.Id.ToString()), Caller.BfuMember, JsonSerializer.Serialize(new { version = @case.Version }));

        var headers = answer.Context.Response.Headers;
        headers.CacheControl.ToString().ShouldBe("no-store", $"{method} {route} {answer.Context.Response.StatusCode}");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers.ContainsKey("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task the_api_compresses_its_answers_when_asked()
    {
        await Host.ReferralFromEmployee();

        var answer = await Send("GET", "/api/cases", Caller.BfuMember, more: s => s.WithRequestHeader("Accept-Encoding", "gzip"));

        answer.Context.Response.Headers.ContentEncoding.ToString().ShouldBe("gzip");
    }

    [Fact]
    public async Task a_replayed_creation_names_the_created_case_too()
    {
        var key = Guid.NewGuid().ToString();

        var (first, _) = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, key);
        var (again, replayed) = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, key);

        first.Status.ShouldBe(HttpStatusCode.Created);
        replayed.ShouldBeTrue();
        again.Status.ShouldBe(HttpStatusCode.Created);
        again.Location.ShouldBe(first.Location);
        again.Location.ShouldBe($"/api/cases/{first.Id}");
    }

    [Fact]
    public async Task failed_sign_ins_from_one_address_are_stopped_with_429_and_retry_after()
    {
        var address = IPAddress.Parse($"203.0.113.{Random.Shared.Next(1, 250)}");
        var other = IPAddress.Parse("198.51.100.7");
        var limit = new RateLimitSettings().FailedSignIns;
        void From(Scenario s, IPAddress ip) => s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = ip);

        for (var i = 0; i < limit; i++)
            (await Send("GET", "/api/cases", Caller.Anonymous, more: s => From(s, address))).Context.Response.StatusCode.ShouldBe(401);
        var stopped = await Send("GET", "/api/cases", Caller.BfuMember, more: s => From(s, address));
        var elsewhere = await Send("GET", "/api/cases", Caller.BfuMember, more: s => From(s, other));

        stopped.Context.Response.StatusCode.ShouldBe(429);
        int.Parse(stopped.Context.Response.Headers.RetryAfter.ToString()).ShouldBeGreaterThan(0);
        JsonDocument.Parse(await stopped.ReadAsTextAsync()).RootElement.GetProperty("type").GetString().ShouldBe(ProblemTypes.RateLimited.Type);
        elsewhere.Context.Response.StatusCode.ShouldBe(200);
    }
}
