namespace Infohus.Specs.Api.Input;

public class when_the_input_is_bad(InfohusApp app) : ApiSpec(app)
{
    [Theory]
    [InlineData("{\"source\": \"employee\",", "malformed JSON")]
    [InlineData("{\"source\": \"employee\"}", "missing fields")]
    [InlineData("{\"source\": \"teacher\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \"x\", \"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", \"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": []}}", "unknown source")]
    [InlineData("{\"source\": 0, \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \"x\", \"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", \"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": []}}", "a number for a name")]
    [InlineData("{\"source\": \"employee\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": null, \"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", \"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": []}}", "a null description")]
    [InlineData("{\"source\": \"employee\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \" \", \"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", \"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": []}}", "a blank description")]
    [InlineData("{\"source\": \"employee\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \"x\", \"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"atlantis\", \"family\": \"unknown\", \"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": []}}", "an unknown district")]
    [InlineData("{\"source\": \"employee\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \"x\", \"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", \"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": []}, \"occurredAt\": \"2999-01-01T00:00:00Z\"}", "a referral from the future")]
    [InlineData("null", "a null body")]
    public async Task a_referral_is_a_400_with_problem_details_and_starts_nothing(string json, string what)
    {
        var answer = await Host.PostRaw("/api/cases", json, Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, what);
        answer.Body!["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        answer.Detail.ShouldNotBeNullOrWhiteSpace(what);
        (await Host.StoredEventCount()).ShouldBe(0);
    }

    [Theory]
    [InlineData("{\"notificationDutyExplained\": true, \"immigrationServiceDutyExplained\": true}", "no version")]
    [InlineData("{\"version\": \"two\", \"notificationDutyExplained\": true, \"immigrationServiceDutyExplained\": true}", "a version that is not a number")]
    [InlineData("{\"version\": 0, \"notificationDutyExplained\": true, \"immigrationServiceDutyExplained\": true}", "version zero")]
    [InlineData("", "no body")]
    public async Task a_step_is_a_400_and_appends_nothing(string json, string what)
    {
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "manager-informed", new InformManager(@case.Version));

        var answer = await Host.PostRaw(@case.Url("interview"), json, Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, $"{what}: {answer}");
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    [Fact]
    public async Task an_unknown_case_is_a_404_with_problem_details()
    {
        var write = await Host.Post($"/api/cases/{Guid.NewGuid()}/manager-informed", new InformManager(1), Caller.BfuMember);
        var read = await Host.Get($"/api/cases/{Guid.NewGuid()}", Caller.BfuMember);

        write.Status.ShouldBe(HttpStatusCode.NotFound);
        write.Detail.ShouldNotBeNullOrWhiteSpace();
        read.Status.ShouldBe(HttpStatusCode.NotFound);
        (await Host.StoredEventCount()).ShouldBe(0);
    }

    [Theory]
    [InlineData("?status=maybe")]
    [InlineData("?tier=extreme")]
    [InlineData("?department=fire")]
    [InlineData("?pageSize=100000")]
    [InlineData("?page=0")]
    [InlineData("?page=abc")]
    public async Task a_list_query_that_makes_no_sense_is_a_400(string query)
    {
        var answer = await Host.Get($"/api/cases{query}", Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
    }
}
