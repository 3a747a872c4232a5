using Alba;

namespace Infohus.Specs.Api.Access;

public class when_a_role_acts_outside_its_remit(InfohusApp app) : ApiSpec(app)
{
    public static TheoryData<string, HttpStatusCode> Writers() => new()
    {
        { "anonymous", HttpStatusCode.Unauthorized },
        { "steering-chief", HttpStatusCode.Forbidden },
        { "auditor", HttpStatusCode.Forbidden },
        { "legal", HttpStatusCode.Forbidden },
        { "bfu-member", HttpStatusCode.OK },
        { "ssp-consultant", HttpStatusCode.OK },
    };

    public static TheoryData<string, HttpStatusCode> Readers() => new()
    {
        { "anonymous", HttpStatusCode.Unauthorized },
        { "steering-chief", HttpStatusCode.Forbidden },
        { "legal", HttpStatusCode.Forbidden },
        { "auditor", HttpStatusCode.OK },
        { "police-member", HttpStatusCode.OK },
        { "ssp-consultant", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task only_members_and_the_coordinator_start_a_case(string caller, HttpStatusCode expected)
    {
        var answer = await Host.Post("/api/cases", Given.EmployeeReferral(), CallerNamed(caller));

        answer.Status.ShouldBe(expected == HttpStatusCode.OK ? HttpStatusCode.Created : expected);
        (await Host.StoredEventCount()).ShouldBe(expected == HttpStatusCode.OK ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task only_members_and_the_coordinator_take_a_step(string caller, HttpStatusCode expected)
    {
        var @case = await Host.ReferralFromEmployee();

        var answer = await Host.Post(@case.Url("manager-informed"), new InformManager(@case.Version), CallerNamed(caller));

        answer.Status.ShouldBe(expected);
        if (expected == HttpStatusCode.Forbidden) answer.Body!["status"]!.GetValue<int>().ShouldBe((int)expected);
        (await Host.StoredVersion(@case.Id)).ShouldBe(expected == HttpStatusCode.OK ? @case.Version + 1 : @case.Version);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task the_steering_group_and_legal_never_read_a_case(string caller, HttpStatusCode expected)
    {
        var @case = await Host.ReferralFromEmployee();

        (await Host.Get(@case.Url(), CallerNamed(caller))).Status.ShouldBe(expected);
        (await Host.Get("/api/cases", CallerNamed(caller))).Status.ShouldBe(expected);
    }

    [Fact]
    public async Task an_auditor_reads_a_case_but_is_offered_no_action()
    {
        var @case = await Host.ReferralFromEmployee();

        var view = await Host.Get(@case.Url(), Caller.Auditor);

        view.Body!["allowedActions"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task the_actions_offered_follow_the_department()
    {
        var @case = await Host.AssessedReferral(EventStore.Cases.PreventionTier.Targeted);

        var police = await Host.Get(@case.Url(), Caller.PoliceMember);
        var bfu = await Host.Get(@case.Url(), Caller.BfuMember);

        police.Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("pet-eae-report");
        bfu.Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldNotContain("pet-eae-report");
    }

    [Fact]
    public async Task a_member_token_without_a_department_cannot_act()
    {
        var answer = await Host.Post("/api/cases", Given.EmployeeReferral(), new Caller("nomad", Role.Member, null));

        answer.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_a_401()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/cases");
            // A well-formed HS256 token whose signature no configured key produces.
            s.WithRequestHeader("Authorization", "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwicm9sZSI6Im1lbWJlciIsImRlcGFydG1lbnQiOiJiZnUiLCJpc3MiOiJpbmZvaHVzLWRldmVsb3BtZW50IiwiYXVkIjoiaW5mb2h1cy1hcGkiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2gtYW55LWtleS0xMjM0NTY3ODk");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
    }

    private static Caller CallerNamed(string name) => name switch
    {
        "anonymous" => Caller.Anonymous,
        "steering-chief" => Caller.Steering,
        "auditor" => Caller.Auditor,
        "legal" => Caller.Legal,
        "bfu-member" => Caller.BfuMember,
        "police-member" => Caller.PoliceMember,
        "ssp-consultant" => Caller.SspConsultant,
        _ => throw new ArgumentOutOfRangeException(nameof(name))
    };
}
