using System.Text;
using Infohus.Api.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Infohus.Specs.Api.Access;

/// <summary>
/// Tokens an identity provider may really issue, signed with the key the API trusts: several roles
/// (Entra ID sends <c>roles</c> as a list), several departments, no subject. One rule, applied to
/// every request before any endpoint: exactly one subject, at most one role, at most one department.
/// </summary>
public class when_a_token_names_too_much_or_too_little(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task a_token_with_several_roles_is_a_401_naming_the_rule_and_reads_nothing()
    {
        var @case = await Host.ReferralFromEmployee();

        // The auditor role grants the read; the access log would have recorded the first role, steering.
        var read = await Host.WithToken(Token(("sub", "dual-role"), ("role", new[] { "steering", "auditor" })), @case.Url());
        var viaRoles = await Host.WithToken(Token(("sub", "dual-role"), ("role", "auditor"), ("roles", new[] { "steering" })), @case.Url("timeline"));
        var write = await Host.WithToken(Token(("sub", "dual-role"), ("role", new[] { "legal", "member" }), ("department", "bfu")), "/api/cases",
            System.Text.Json.JsonSerializer.Serialize(Given.EmployeeReferral(), HttpSpeech.Json));

        foreach (var answer in new[] { read, viaRoles, write })
        {
            answer.Status.ShouldBe(HttpStatusCode.Unauthorized, answer.ToString());
            answer.Body!["type"]!.GetValue<string>().ShouldBe(TokenClaims.Ambiguous);
            answer.Detail.ShouldContain("one role");
        }
        (await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Auditor)).Body!["total"]!.GetValue<long>().ShouldBe(0, "a refused read is not a read");
        (await Host.StoredEventCount()).ShouldBe(1);
    }

    [Fact]
    public async Task a_token_with_several_departments_is_a_401_and_the_police_step_appends_nothing()
    {
        var @case = await Host.AssessedReferral(PreventionTier.Targeted, "high");

        // The police policy accepts any department claim that is police; the event would record the first, bfu.
        var answer = await Host.WithToken(Token(("sub", "two-hats"), ("role", "member"), ("department", new[] { "bfu", "police" })),
            @case.Url("pet-eae-report"), $$"""{"version": {{@case.Version}}}""");

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized, answer.ToString());
        answer.Body!["type"]!.GetValue<string>().ShouldBe(TokenClaims.Ambiguous);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    [Fact]
    public async Task a_token_with_its_one_role_in_a_list_reads_as_that_role()
    {
        var @case = await Host.ReferralFromEmployee();

        var read = await Host.WithToken(Token(("sub", "listed-auditor"), ("role", new[] { "auditor" })), @case.Url(), purpose: "annual audit");

        read.Status.ShouldBe(HttpStatusCode.OK, read.ToString());
        var entry = (await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Legal)).Body!["items"]!.AsArray().Single()!;
        (entry["userId"]!.GetValue<string>(), entry["role"]!.GetValue<string>()).ShouldBe(("listed-auditor", "auditor"));
    }

    [Fact]
    public async Task a_token_without_a_subject_is_a_401_before_anything_is_logged()
    {
        var @case = await Host.InterviewedReferral();
        await Host.Step(@case, "disclosures", Given.Disclosure(@case.Version));

        var answers = new[]
        {
            await Host.WithToken(Token(("role", "auditor")), @case.Url()),
            await Host.WithToken(Token(("role", "legal")), "/api/disclosures"),
            await Host.WithToken(Token(("sub", " "), ("role", "legal")), "/api/disclosures"),
        };
        // A list of subjects does not even pass token validation: the bearer scheme's own 401.
        var twoSubjects = await Host.WithToken(Token(("sub", new[] { "one", "two" }), ("role", "auditor")), @case.Url("events"));

        foreach (var answer in answers)
        {
            answer.Status.ShouldBe(HttpStatusCode.Unauthorized, answer.ToString());
            answer.Body!["type"]!.GetValue<string>().ShouldBe(TokenClaims.WithoutSubject);
        }
        twoSubjects.Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Legal)).Body!["total"]!.GetValue<long>().ShouldBe(0, "nothing read, nothing logged as 'unknown'");
    }

    /// <summary>Signed as the development identity provider signs: the API cannot tell it from a real one.</summary>
    private static string Token(params (string Type, object Value)[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = AuthSettings.DevelopmentIssuer,
        Audience = new AuthSettings().Audience,
        Claims = claims.ToDictionary(c => c.Type, c => c.Value),
        Expires = DateTime.UtcNow.AddMinutes(30),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(AuthSettings.DevelopmentSigningKey)), SecurityAlgorithms.HmacSha256)
    });
}
