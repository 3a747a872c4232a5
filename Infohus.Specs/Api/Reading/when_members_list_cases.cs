namespace Infohus.Specs.Api.Reading;

public class when_members_list_cases(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_list_filters_by_status_tier_department_and_assigned_member_and_pages_newest_first()
    {
        var targeted = await Host.AssessedReferral(PreventionTier.Targeted, "high");
        var closed = await Host.ClosedCase();
        var youth = await Host.Referral(Given.CitizenReferral(14), Caller.PoliceMember);
        var adult = await Host.Referral(Given.CitizenReferral(40), Caller.SaehMember);

        Ids(await Host.Get("/api/cases?status=closed", Caller.BfuMember)).ShouldBe([closed.Id]);
        Ids(await Host.Get("/api/cases?tier=targeted", Caller.BfuMember)).ShouldBe([targeted.Id]);
        Ids(await Host.Get("/api/cases?department=police", Caller.BfuMember)).ShouldBe([adult.Id]);
        // A citizen's case stays with the receiver only when the receiver's department handles it (§4.2.2 II).
        Ids(await Host.Get("/api/cases?assignedTo=police-member", Caller.BfuMember)).ShouldBeEmpty();
        Ids(await Host.Get("/api/cases?assignedTo=saeh-member", Caller.BfuMember)).ShouldBeEmpty();
        var own = await Host.Referral(Given.CitizenReferral(50), Caller.PoliceMember);
        Ids(await Host.Get("/api/cases?assignedTo=police-member", Caller.BfuMember)).ShouldBe([own.Id]);
        Ids(await Host.Get($"/api/cases?assignedTo={Caller.BfuMember.Subject}&tier=targeted", Caller.BfuMember)).ShouldBe([targeted.Id]);

        var firstPage = await Host.Get("/api/cases?pageSize=3&page=1", Caller.BfuMember);
        firstPage.Body!["total"]!.GetValue<long>().ShouldBe(5);
        Ids(firstPage).ShouldBe([own.Id, adult.Id, youth.Id]);
        Ids(await Host.Get("/api/cases?pageSize=3&page=2", Caller.BfuMember)).ShouldBe([closed.Id, targeted.Id]);
    }

    [Fact]
    public async Task the_list_shows_the_version_to_write_with_and_no_free_text()
    {
        var @case = await Host.HandedOver();

        var page = await Host.Get("/api/cases", Caller.BfuMember);

        var row = page.Body!["items"]!.AsArray().Single()!;
        row["version"]!.GetValue<long>().ShouldBe(@case.Version);
        row["stage"]!.GetValue<string>().ShouldBe("handed-over");
        page.Body!.ToJsonString().ShouldNotContain(Given.EmployeeReferral().Description);
        await Host.Step(@case, "evaluation", new EvaluateCourse(@case.Version, EvaluationOutcome.Unchanged));
    }

    private static Guid[] Ids(Answer answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return [.. answer.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];
    }
}
