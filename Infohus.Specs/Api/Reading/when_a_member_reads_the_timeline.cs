using Infohus.Api.Cases.Erasing;

namespace Infohus.Specs.Api.Reading;

public class when_a_member_reads_the_timeline(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task every_event_is_one_line_in_order_with_its_time_actor_sentence_and_version()
    {
        var lastWeek = DateTimeOffset.UtcNow.AddDays(-7);
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "manager-informed", new InformManager(@case.Version, lastWeek), Caller.AuMember);
        @case = await Host.Step(@case, "interview", new HoldInterview(@case.Version, true, true, "Met at the school library."));

        var answer = await Host.Get(@case.Url("timeline"), Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var lines = answer.Body!.AsArray();
        lines.Select(l => l!["version"]!.GetValue<long>()).ShouldBe([1, 2, 3]);
        lines.Select(l => l!["kind"]!.GetValue<string>()).ShouldBe(["referral_received", "nearest_manager_informed", "concern_interview_held"]);
        var reference = (await Host.Get(@case.Url(), Caller.BfuMember)).Body!["state"]!["reference"]!.GetValue<string>();
        lines[0]!["sentence"]!.GetValue<string>().ShouldBe($"Referral {reference} received from employee (school), in person.");
        lines[0]!["text"]!.GetValue<string>().ShouldBe(Given.EmployeeReferral().Description);
        var informed = lines[1]!;
        informed["actor"]!.GetValue<string>().ShouldBe("au-member");
        informed["department"]!.GetValue<string>().ShouldBe("au");
        informed["role"]!.GetValue<string>().ShouldBe("member");
        informed["occurredAt"]!.GetValue<DateTimeOffset>().ShouldBe(lastWeek, TimeSpan.FromMilliseconds(1));
        informed["recordedAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(lastWeek.AddDays(6));
        lines[2]!["text"]!.GetValue<string>().ShouldBe("Met at the school library.");
    }

    [Fact]
    public async Task after_erasure_the_lines_stay_and_their_texts_read_erased()
    {
        var known = await Host.CaseFullOfPersonalData();
        var erased = await Host.Step(known.Case, "erasure", new ErasePersonalData(known.Case.Version, ErasureReason.DataSubjectRequest, "J.nr. 9"), Caller.Legal);

        var lines = (await Host.Get(erased.Url("timeline"), Caller.Auditor)).Body!.AsArray();

        lines.Count.ShouldBe((int)erased.Version);
        lines.Where(l => l!["text"] is not null).Select(l => l!["text"]!.GetValue<string>()).Distinct().ShouldBe(["[erased]"]);
        lines.Last()!["sentence"]!.GetValue<string>().ShouldBe("Personal data erased (data subject request), reference J.nr. 9.");
        lines.Last()!["actor"]!.GetValue<string>().ShouldBe("legal");
        foreach (var text in PersonalFacts.All) lines.ToJsonString().ShouldNotContain(text);
    }

    [Fact]
    public async Task the_timeline_of_an_unknown_case_is_a_404_and_the_steering_group_never_reads_one()
    {
        var @case = await Host.ReferralFromEmployee();

        (await Host.Get($"/api/cases/{Guid.NewGuid()}/timeline", Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Host.Get(@case.Url("timeline"), Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
