using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Infohus.Api.Cases.Erasing;

namespace Infohus.Specs.Api.PersonalData;

public class when_the_api_logs(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task no_name_cpr_number_or_free_text_reaches_a_log_line_or_a_problem_body()
    {
        var known = await Host.CaseFullOfPersonalData();
        var @case = await Host.Step(known.Case, "closure", new CloseCase(known.Case.Version));
        await Host.Step(@case, "reopening", new ReopenCase(@case.Version, PersonalFacts.Name + " moved back"));
        await Host.Get(@case.Url(), Caller.BfuMember);

        // Personal data where it does not belong: each is refused, and the refusal must not repeat it.
        var misplaced = new[]
        {
            $$$"""{"source": "employee", "channel": "phone", "referrerOrganisation": "school", "description": "x", "registration": {"age": "{{{PersonalFacts.Cpr}}}", "gender": "male", "nationality": "danish", "district": "sindal", "family": "unknown", "attachment": "school", "ideology": "unclear", "warningSigns": []}}""",
            $$$"""{"source": "employee", "channel": "phone", "referrerOrganisation": "school", "description": "x", "registration": {"age": 15, "gender": "{{{PersonalFacts.Name}}}", "nationality": "danish", "district": "sindal", "family": "unknown", "attachment": "school", "ideology": "unclear", "warningSigns": []}}""",
            $$$"""{"source": "employee", "channel": "phone", "referrerOrganisation": "school", "description": "x", "registration": {"age": 15, "gender": "male", "nationality": "danish", "district": "{{{PersonalFacts.Address}}}", "family": "unknown", "attachment": "school", "ideology": "unclear", "warningSigns": []}}""",
            $$$"""{"source": "employee", "channel": "phone", "referrerOrganisation": "school", "description": "{{{PersonalFacts.Description}}}", "subject": {"cprNumber": "{{{PersonalFacts.Name}}}"}, "registration": {"age": 15, "gender": "male", "nationality": "danish", "district": "sindal", "family": "unknown", "attachment": "school", "ideology": "unclear", "warningSigns": []}}""",
        };
        foreach (var json in misplaced)
        {
            var refused = await Host.PostRaw("/api/cases", json, Caller.BfuMember);
            refused.Status.ShouldBe(HttpStatusCode.BadRequest);
            foreach (var text in PersonalFacts.All) refused.ToString().ShouldNotContain(text);
        }
        await Host.Step(@case with { Version = @case.Version + 1 }, "erasure", new ErasePersonalData(@case.Version + 1, ErasureReason.DataSubjectRequest), Caller.Legal);

        var lines = App.Logs.Lines;
        lines.ShouldContain(line => line.Contains("/api/cases"), "the capture sees the request log");
        foreach (var text in PersonalFacts.All.Append(PersonalFacts.Name + " moved back"))
            lines.ShouldNotContain(line => line.Contains(text, StringComparison.OrdinalIgnoreCase), $"a log line carries '{text}'");
    }

    [Fact]
    public void a_personal_field_renders_as_stars_wherever_it_is_printed()
    {
        var text = new PersonalText("v1:sealed-bytes");
        var subject = new SubjectDetails(text, text, null, null);

        text.ToString().ShouldBe("***");
        subject.ToString().ShouldNotContain("v1:sealed-bytes");

        // Even a whole object handed to the host's logger for destructuring.
        Host.Services.GetRequiredService<ILogger<when_the_api_logs>>().LogWarning("Subject {@Subject} and {Text}", subject, text);
        var line = App.Logs.Lines.Last(l => l.Contains("Subject"));
        line.ShouldContain("***");
        line.ShouldNotContain("v1:sealed-bytes");
    }
}
