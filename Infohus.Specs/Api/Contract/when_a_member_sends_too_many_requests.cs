using Alba;
using Infohus.Api.Contract;
using Microsoft.AspNetCore.Hosting;

namespace Infohus.Specs.Api.Contract;

/// <summary>
/// The per-caller limit, on a host of its own whose limit is small enough to reach (the shared host's is
/// lifted for the specs' members): past it a caller gets 429 <c>rate-limited</c> with Retry-After, and
/// another caller is not held back by it.
/// </summary>
public sealed class when_a_member_sends_too_many_requests : IAsyncLifetime
{
    private const int Limit = 5;
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await SpecDatabases.Fresh("infohus_rate_limits");
        _host = await SpecDatabases.Host(connectionString, builder => builder.UseSetting("Infohus:RateLimits:RequestsPerMinute", Limit.ToString()));
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task past_the_limit_a_caller_gets_429_with_retry_after_and_others_carry_on()
    {
        var answers = new List<Answer>();
        for (var i = 0; i <= Limit; i++) answers.Add(await _host.Get("/api/cases", Caller.BfuMember));
        var other = await _host.Get("/api/cases", Caller.PoliceMember);

        answers.Take(Limit).ShouldAllBe(a => a.Status == HttpStatusCode.OK);
        var refused = answers[Limit];
        refused.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Body!["type"]!.GetValue<string>().ShouldBe(ProblemTypes.RateLimited.Type);
        int.Parse(refused.RetryAfter!).ShouldBeGreaterThan(0);
        other.Status.ShouldBe(HttpStatusCode.OK);
    }
}
