using Infohus.Api.Contract;

namespace Infohus.Specs.Api.Contract;

/// <summary>
/// Strict input and one problem type per kind of problem: a client that misspells a field or sends a
/// number as text learns which field, and can tell a stale version from a step out of order by
/// <c>type</c> and <c>code</c> alone; no message names a .NET type.
/// </summary>
public class when_a_request_does_not_fit_the_contract(InfohusApp app) : ApiSpec(app)
{
    private const string Registration =
        "\"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", \"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": []}";

    private static void ShouldBeProblem(Answer answer, ProblemType kind)
    {
        answer.Status.ShouldBe((HttpStatusCode)kind.Status, answer.ToString());
        answer.Body!["type"]!.GetValue<string>().ShouldBe(kind.Type, answer.ToString());
        answer.Body!["code"]!.GetValue<string>().ShouldBe(kind.Code);
        answer.Body!["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        answer.ToString().ShouldNotContain("Infohus.");
        answer.ToString().ShouldNotContain("System.");
    }

    [Fact]
    public async Task a_misspelt_field_is_a_400_naming_it_and_starts_no_case()
    {
        var answer = await Host.PostRaw("/api/cases",
            $"{{\"source\": \"employee\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \"x\", \"subjekt\": {{\"name\": \"A\"}}, {Registration}}}",
            Caller.BfuMember);

        ShouldBeProblem(answer, ProblemTypes.InvalidField);
        answer.Body!["errors"]!["subjekt"].ShouldNotBeNull(answer.ToString());
        (await Host.StoredEventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task an_unknown_field_inside_an_object_is_named_by_its_path()
    {
        var answer = await Host.PostRaw("/api/cases",
            "{\"source\": \"employee\", \"channel\": \"phone\", \"referrerOrganisation\": \"school\", \"description\": \"x\", "
            + "\"registration\": {\"age\": 15, \"gender\": \"male\", \"nationality\": \"danish\", \"district\": \"sindal\", \"family\": \"unknown\", \"attachment\": \"school\", \"ideology\": \"unclear\", \"warningSigns\": [], \"religion\": \"x\"}}",
            Caller.BfuMember);

        ShouldBeProblem(answer, ProblemTypes.InvalidField);
        answer.Body!["errors"]!["registration.religion"].ShouldNotBeNull(answer.ToString());
    }

    [Theory]
    [InlineData("{\"version\": \"1\"}", "version")]
    [InlineData("{\"version\": 1.5}", "version")]
    [InlineData("{}", "version")]
    [InlineData("{\"version\": null}", "version")]
    public async Task a_step_whose_field_breaks_its_type_is_a_400_naming_the_field(string json, string field)
    {
        var @case = await Host.ReferralFromEmployee();

        var answer = await Host.PostRaw(@case.Url("manager-informed"), json, Caller.BfuMember);

        ShouldBeProblem(answer, ProblemTypes.InvalidField);
        answer.Body!["errors"]![field].ShouldNotBeNull(answer.ToString());
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_malformed_json()
    {
        var @case = await Host.ReferralFromEmployee();

        ShouldBeProblem(await Host.PostRaw(@case.Url("manager-informed"), "{\"version\": 1", Caller.BfuMember), ProblemTypes.MalformedJson);
        ShouldBeProblem(await Host.PostRaw(@case.Url("manager-informed"), "{version: 1}", Caller.BfuMember), ProblemTypes.MalformedJson);
    }

    [Fact]
    public async Task a_stale_version_and_a_step_out_of_order_differ_in_type_and_code()
    {
        var @case = await Host.ReferralFromEmployee();
        var informed = await Host.Step(@case, "manager-informed", new InformManager(@case.Version));

        var stale = await Host.Post(@case.Url("interview"), new HoldInterview(@case.Version, true, true), Caller.BfuMember);
        var outOfOrder = await Host.Post(@case.Url("feedback"), new GiveFeedback(informed.Version, FeedbackKind.Guidance), Caller.BfuMember);

        ShouldBeProblem(stale, ProblemTypes.StaleVersion);
        stale.Body!["currentVersion"]!.GetValue<long>().ShouldBe(informed.Version);
        ShouldBeProblem(outOfOrder, ProblemTypes.StepOutOfOrder);
    }

    [Fact]
    public async Task each_kind_of_refusal_has_its_own_type()
    {
        var @case = await Host.InterviewedReferral();

        ShouldBeProblem(await Host.Post($"/api/cases/{Guid.NewGuid()}/manager-informed", new InformManager(1), Caller.BfuMember), ProblemTypes.UnknownCase);
        ShouldBeProblem(await Host.Get(@case.Url(), Caller.BfuMember, purpose: null), ProblemTypes.PurposeMissing);
        ShouldBeProblem(await Host.Get(@case.Url(), Caller.Anonymous), ProblemTypes.Unauthenticated);
        ShouldBeProblem(await Host.Get("/api/statistics", Caller.BfuMember), ProblemTypes.Forbidden);
        ShouldBeProblem(await Host.Post(@case.Url("pet-eae-report"), new ReportToPetEae(@case.Version), Caller.BfuMember), ProblemTypes.Forbidden);
        ShouldBeProblem(await Host.Get("/api/cases?page=abc", Caller.BfuMember), ProblemTypes.InvalidRequest);
    }

    [Fact]
    public async Task the_plan_refusing_the_content_is_a_plan_refusal()
    {
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "manager-informed", new InformManager(@case.Version));

        var notices = await Host.Post(@case.Url("interview"), new HoldInterview(@case.Version, false, true), Caller.BfuMember);

        ShouldBeProblem(notices, ProblemTypes.PlanRefusal);
    }
}
