using Alba;
using Microsoft.AspNetCore.Hosting;

namespace Infohus.Specs.Api.Access;

/// <summary>
/// The pages sign in with a cookie session; the API stays bearer-only, so no cookie (and no cross-site
/// request carrying one) ever acts on /api. The development sign-in page exists only in Development,
/// like the token command.
/// </summary>
public class when_staff_sign_in_to_the_pages(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task a_browser_without_a_session_is_sent_to_sign_in_and_the_api_still_answers_401()
    {
        var page = await Host.Scenario(s =>
        {
            s.Get.Url("/");
            s.IgnoreStatusCode();
        });
        page.Context.Response.StatusCode.ShouldBe(302);
        page.Context.Response.Headers.Location.ToString().ShouldBe("http://localhost/logind?tilbage=%2F");

        var api = await Host.Scenario(s =>
        {
            s.Get.Url("/api/cases");
            s.IgnoreStatusCode();
        });
        api.Context.Response.StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task the_development_sign_in_page_is_refused_outside_development()
    {
        var connectionString = await SpecDatabases.Fresh("infohus_web_production");
        await using var production = await SpecDatabases.Host(connectionString, builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Infohus:Projections:DaemonMode", "Solo");
            builder.UseSetting("Infohus:Auth:SigningKey", "a-production-signing-key-of-more-than-32-characters");
            builder.UseSetting("Infohus:Auth:Issuer", "https://login.example.invalid");
            builder.UseSetting("Infohus:PersonalData:MasterKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 3)).ToArray()));
            builder.UseSetting("Infohus:PersonalData:IndexKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 1)).ToArray()));
        });

        var signIn = await production.Scenario(s =>
        {
            s.Get.Url("/logind");
            s.IgnoreStatusCode();
        });
        signIn.Context.Response.StatusCode.ShouldBe(404);
    }
}
