using Infohus.Api.Outreach;
using Infohus.EventStore.Outreach;

namespace Infohus.Specs.Api.Outreach;

/// <summary>Sparring (§2.1, §3.3): much of the daily work is advice that never becomes a case; the steering group sees it counted.</summary>
public class when_a_colleague_gets_advice(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task advice_is_its_own_stream_and_the_half_year_report_counts_it_per_topic_and_outcome()
    {
        var given = new[]
        {
            new GiveAdvice(new DateOnly(2026, 2, 3), AdviceTopic.WarningSigns, ReferrerOrganisation.School, AdviceOutcome.AdviceGiven),
            new GiveAdvice(new DateOnly(2026, 3, 9), AdviceTopic.WarningSigns, ReferrerOrganisation.JobCentre, AdviceOutcome.BecameReferral),
            new GiveAdvice(new DateOnly(2026, 5, 20), AdviceTopic.NotificationDuty, ReferrerOrganisation.Daycare, AdviceOutcome.AdviceGiven),
            new GiveAdvice(new DateOnly(2026, 8, 1), AdviceTopic.WarningSigns, ReferrerOrganisation.School, AdviceOutcome.AdviceGiven)
        };
        foreach (var advice in given)
        {
            var answer = await Host.Post("/api/outreach/advice", advice, Caller.SaehMember);
            answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
            (await Host.StoredEvents(answer.Id)).Select(e => e.Data).ShouldHaveSingleItem().ShouldBeOfType<AdviceGiven>().MemberDepartment.ShouldBe(Department.Saeh);
        }

        var report = (await Host.Get("/api/statistics/half-years/2026/1", Caller.Steering)).Body!["advice"]!;

        report["total"]!.GetValue<int>().ShouldBe(3, "August is the other half-year");
        Counts(report["byTopic"]!).ShouldBe(new Dictionary<string, int>
        {
            ["warning-signs"] = 2, ["talking-with-the-person"] = 0, ["whether-to-refer"] = 0, ["notification-duty"] = 1,
            ["information-sharing"] = 0, ["online-content"] = 0, ["other"] = 0
        });
        Counts(report["byOutcome"]!).ShouldBe(new Dictionary<string, int> { ["advice-given"] = 2, ["became-referral"] = 1 });
        report.ToJsonString().ShouldNotContain("school", customMessage: "no count by organisation");
    }

    [Fact]
    public async Task advice_names_no_citizen_and_only_members_and_the_coordinator_record_it()
    {
        var date = new DateOnly(2026, 2, 3);
        (await Host.Post("/api/outreach/advice", new GiveAdvice(date, AdviceTopic.Other, ReferrerOrganisation.PrivateCitizen, AdviceOutcome.AdviceGiven), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Post("/api/outreach/advice", new GiveAdvice(date, AdviceTopic.Other, ReferrerOrganisation.School, AdviceOutcome.AdviceGiven), Caller.Steering))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Post("/api/outreach/advice", new GiveAdvice(date, AdviceTopic.Other, ReferrerOrganisation.School, AdviceOutcome.AdviceGiven), Caller.SspConsultant))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await Host.StoredEventCount()).ShouldBe(1);
    }

    private static Dictionary<string, int> Counts(System.Text.Json.Nodes.JsonNode lines) =>
        lines.AsArray().ToDictionary(l => l!["code"]!.GetValue<string>(), l => l!["advice"]!.GetValue<int>());
}
