using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Infohus.Api.Cases.Erasing;
using Npgsql;

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

    [Fact]
    public async Task a_nul_beside_a_name_is_refused_at_the_door_and_the_name_reaches_no_log()
    {
        var @case = await Host.NotExtremismReferral();

        // Before the door refused it, PostgreSQL's JSON error quoted the document around the NUL, and
        // that error was logged whole.
        var answer = await Host.PostRaw(@case.Url("redirection"),
            $$"""{"version": {{@case.Version}}, "body": "{{PersonalFacts.Name}}\u0000", "reason": "forced-marriage"}""", Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
        answer.Detail.ShouldContain("control character");
        answer.ToString().ShouldNotContain(PersonalFacts.Name);
        App.Logs.Lines.ShouldNotContain(line => line.Contains(PersonalFacts.Name), "a log line carries the name");
    }

    [Fact]
    public async Task a_database_error_that_quotes_the_data_reaches_the_log_as_its_sqlstate_only()
    {
        var failure = await JsonErrorQuoting(PersonalFacts.Name);
        failure.Where!.ShouldContain(PersonalFacts.Name, customMessage: "PostgreSQL's error quotes the data around the fault");

        // Through Marten, whose own command log quotes the parameters, and handed to a logger whole.
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            // In a transaction, as every write holds one, Marten logs a failed command with its parameters.
            await session.BeginTransactionAsync(CancellationToken.None);
            await Should.ThrowAsync<Exception>(() => session.QueryAsync<string>("select ?::jsonb::text", Document(PersonalFacts.Cpr)));
        }
        Host.Services.GetRequiredService<ILogger<when_the_api_logs>>().LogError(new InvalidOperationException("Saving failed", failure), "A request failed");

        var lines = App.Logs.Lines;
        lines.ShouldContain(line => line.Contains("A request failed") && line.Contains("22P05"), "the error stays in the log by its SQLSTATE");
        foreach (var text in new[] { PersonalFacts.Name, PersonalFacts.Cpr })
            lines.ShouldNotContain(line => line.Contains(text), $"a log line carries '{text}'");
    }

    [Fact]
    public async Task a_value_the_database_refuses_is_a_400_whose_problem_names_no_database_text()
    {
        var failure = await JsonErrorQuoting(PersonalFacts.Name);
        var context = new DefaultHttpContext { RequestServices = Host.Services };
        context.Response.Body = new MemoryStream();

        var handled = false;
        foreach (var handler in Host.Services.GetServices<IExceptionHandler>())
        {
            if (handled = await handler.TryHandleAsync(context, new InvalidOperationException("Saving failed", failure), CancellationToken.None)) break;
        }

        handled.ShouldBeTrue();
        context.Response.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        var body = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        body.ShouldContain("cannot be stored");
        foreach (var text in new[] { PersonalFacts.Name, failure.MessageText, "22P05" }) body.ShouldNotContain(text);
        App.Logs.Lines.ShouldNotContain(line => line.Contains(PersonalFacts.Name));
    }

    private static string Document(string value) => $$"""{"name": "{{value}}\u0000"}""";

    /// <summary>A real PostgreSQL error whose Where quotes the JSON document around a NUL.</summary>
    private async Task<PostgresException> JsonErrorQuoting(string value)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select @document::jsonb", connection);
        command.Parameters.AddWithValue("document", Document(value));
        return await Should.ThrowAsync<PostgresException>(() => command.ExecuteScalarAsync());
    }
}
