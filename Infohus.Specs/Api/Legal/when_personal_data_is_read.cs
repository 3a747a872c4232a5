namespace Infohus.Specs.Api.Legal;

public class when_personal_data_is_read(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task three_readers_with_purposes_leave_exactly_three_entries_in_the_cases_export()
    {
        var @case = await Host.ReferralFromEmployee();
        var other = await Host.ReferralFromEmployee();

        await Host.Get(@case.Url(), Caller.BfuMember, "preparing the monthly meeting");
        await Host.Get(@case.Url("timeline"), Caller.PoliceMember, "assessing a report to PET/EAE");
        await Host.Get(@case.Url("events"), Caller.Auditor, "annual audit 2026");
        await Host.Get(other.Url(), Caller.BfuMember, "another case");

        var log = await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Legal);
        var entries = log.Body!["items"]!.AsArray();
        entries.Select(e => (e!["userId"]!.GetValue<string>(), e["endpoint"]!.GetValue<string>(), e["purpose"]!.GetValue<string>())).ShouldBe([
            ("bfu-member", "GET /api/cases/{id}", "preparing the monthly meeting"),
            ("police-member", "GET /api/cases/{id}/timeline", "assessing a report to PET/EAE"),
            ("auditor", "GET /api/cases/{id}/events", "annual audit 2026")]);
        entries[1]!["department"]!.GetValue<string>().ShouldBe("police");

        var export = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/access-log?caseId={@case.Id}");
            s.WithRequestHeader("Accept", "text/csv");
            s.WithRequestHeader("Authorization", $"Bearer {Host.TokenFor(Caller.Legal)}");
        });
        var lines = (await export.ReadAsTextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines[0].ShouldBe("readAt;caseId;userId;role;department;endpoint;purpose");
        lines.Skip(1).ShouldAllBe(l => l.Contains(@case.Id.ToString()));
        lines[3].ShouldEndWith(";auditor;auditor;;GET /api/cases/{id}/events;annual audit 2026");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/timeline")]
    [InlineData("/events")]
    public async Task a_read_without_a_purpose_is_a_400_shows_nothing_and_is_not_logged(string path)
    {
        var @case = await Host.ReferralFromEmployee();

        var answer = await Host.Get(@case.Url() + path, Caller.BfuMember, purpose: null);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail.ShouldContain("X-Purpose");
        answer.ToString().ShouldNotContain(Given.EmployeeReferral().Description);
        (await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Auditor)).Body!["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task the_log_filters_by_reader_and_is_for_legal_and_auditors_only()
    {
        var @case = await Host.ReferralFromEmployee();
        await Host.Get(@case.Url(), Caller.BfuMember, "one");
        await Host.Get(@case.Url(), Caller.SaehMember, "two");

        var mine = await Host.Get("/api/access-log?user=saeh-member", Caller.Auditor);
        mine.Body!["items"]!.AsArray().Select(e => e!["purpose"]!.GetValue<string>()).ShouldBe(["two"]);
        (await Host.Get("/api/access-log", Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Get("/api/access-log", Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
