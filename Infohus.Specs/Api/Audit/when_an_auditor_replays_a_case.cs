using System.Text.Json;
using System.Text.Json.Nodes;
using Infohus.Api.Cases.Reading;
using Infohus.Specs.Rules;

namespace Infohus.Specs.Api.Audit;

public class when_an_auditor_replays_a_case(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_state_at_every_version_is_the_fold_of_its_first_events()
    {
        var known = await Host.CaseFullOfPersonalData();
        var events = await Host.StoredEvents(known.Case.Id);

        for (var n = 1; n <= events.Count; n++)
        {
            var view = await Host.Get($"{known.Case.Url()}?asOfVersion={n}", Caller.Auditor);
            view.Status.ShouldBe(HttpStatusCode.OK, view.ToString());
            view.Version.ShouldBe(n);
            var fold = History.Given([.. events.Take(n).Select(e => e.Data)]);
            var expected = JsonNode.Parse(JsonSerializer.Serialize(CaseFacts.Of(fold), HttpSpeech.Json));
            JsonNode.DeepEquals(view.Body!["state"], expected).ShouldBeTrue($"version {n}: {view.Body!["state"]!.ToJsonString()} is not {expected!.ToJsonString()}");
        }
    }

    [Fact]
    public async Task as_of_a_time_between_two_events_gives_the_earlier_state()
    {
        var @case = await Host.ClosedCase();
        var events = await Host.StoredEvents(@case.Id);
        var between = events[3].Timestamp + (events[4].Timestamp - events[3].Timestamp) / 2;

        var view = await Host.Get($"{@case.Url()}?asOf={Uri.EscapeDataString(between.ToString("O"))}", Caller.Auditor);

        view.Status.ShouldBe(HttpStatusCode.OK, view.ToString());
        view.Version.ShouldBe(4);
        view.Body!["state"]!["feedback"].ShouldBeNull();
        view.Body!["state"]!["assessment"].ShouldNotBeNull();
    }

    [Fact]
    public async Task the_events_come_in_order_with_sequence_times_actor_correlation_and_stored_data()
    {
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "manager-informed", new InformManager(@case.Version), Caller.SaehMember);

        var answer = await Host.Get(@case.Url("events"), Caller.Auditor);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var events = answer.Body!.AsArray();
        events.Select(e => e!["version"]!.GetValue<long>()).ShouldBe([1, 2]);
        events.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["referral_received", "nearest_manager_informed"]);
        events[0]!["sequence"]!.GetValue<long>().ShouldBeLessThan(events[1]!["sequence"]!.GetValue<long>());
        events[1]!["actor"]!.GetValue<string>().ShouldBe("saeh-member");
        events[1]!["department"]!.GetValue<string>().ShouldBe("saeh");
        events[1]!["correlationId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        events[1]!["occurredAt"].ShouldNotBeNull();
        events[1]!["recordedAt"].ShouldNotBeNull();
        events[0]!["data"]!["registration"]!["district"]!.GetValue<string>().ShouldBe("hirtshals");
        events[0]!["data"]!["description"]!["sealed"]!.GetValue<string>().ShouldStartWith("v1:");
    }

    [Theory]
    [InlineData("?asOfVersion=0")]
    [InlineData("?asOfVersion=99")]
    [InlineData("?asOfVersion=x")]
    [InlineData("?asOf=yesterday")]
    public async Task a_replay_point_that_does_not_exist_is_a_400(string query)
    {
        var @case = await Host.ReferralFromEmployee();

        (await Host.Get($"{@case.Url()}{query}", Caller.Auditor)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
