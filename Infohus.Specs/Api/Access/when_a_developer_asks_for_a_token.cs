using System.Diagnostics;

namespace Infohus.Specs.Api.Access;

public class when_a_developer_asks_for_a_token(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_token_command_prints_on_its_last_line_a_token_the_api_accepts_with_that_role_and_department()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development" }
        };
        foreach (var arg in new[] { "Infohus.Api.dll", "token", "--role", "member", "--department", "police", "--name", "Test Person" })
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, output);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        token.Split('.').Length.ShouldBe(3, "a signed JWT");

        var @case = await Host.InterviewedReferral();
        @case = await Host.Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Police], "high", PreventionTier.Targeted));
        var report = await Host.Scenario(s =>
        {
            s.Post.Text($$"""{"version": {{@case.Version}}}""").ToUrl(@case.Url("pet-eae-report"));
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.IgnoreStatusCode();
        });
        report.Context.Response.StatusCode.ShouldBe(200, "the police token may report to PET/EAE");
        // The report and, with it, that Infohus Nordjylland was informed through EAE (§2.1).
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version + 2);
    }
}
