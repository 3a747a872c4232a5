using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alba;
using Infohus.Api.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Infohus.Specs.Api.Access;

/// <summary>
/// Production signs staff in through the municipality's identity provider (OpenID Connect, code flow
/// with PKCE). The spec plays the provider (its authorize step, token and userinfo endpoints, its
/// signing key) and a browser that keeps cookies, through a host configured as production.
/// </summary>
public class when_staff_sign_in_through_the_municipality_s_login(MunicipalLogin login) : IClassFixture<MunicipalLogin>
{
    [Fact]
    public async Task a_member_is_sent_to_the_provider_with_pkce_and_comes_back_signed_in_to_the_page_asked_for()
    {
        var browser = login.Browser();

        var asked = await browser.Get("/moeder");
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asked.Headers.Location!.OriginalString.ShouldBe("https://localhost/logind?tilbage=%2Fmoeder");

        var challenge = await browser.Get(asked.Headers.Location.OriginalString);
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = challenge.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Path).ShouldBe(IdentityProvider.Authority + "/authorize");
        var query = QueryHelpers.ParseQuery(authorize.Query);
        query["client_id"].ToString().ShouldBe(MunicipalLogin.ClientId);
        query["response_type"].ToString().ShouldBe("code");
        query["scope"].ToString().Split(' ').ShouldBe(["openid", "profile"], ignoreOrder: true);
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query["redirect_uri"].ToString().ShouldBe("https://localhost/signin-oidc");

        // The provider knows her as a BFU member; the department comes in the claim the municipality configured.
        var back = await login.Provider.SignIn(browser, authorize, new()
        {
            ["sub"] = "kommune-4711", ["name"] = "Mette Jensen", ["role"] = "member", ["forvaltning"] = "bfu"
        });
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        back.Headers.Location!.OriginalString.ShouldBe("/moeder");
        browser.HasSession.ShouldBeTrue();

        var meetings = await browser.Get("/moeder");
        meetings.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await meetings.Content.ReadAsStringAsync();
        page.ShouldContain("Mette Jensen");
        page.ShouldContain($"{Infohus.Api.Web.Dansk.Ord(Role.Member)}, {Infohus.Api.Web.Dansk.Ord(Department.Bfu)}");

        var inbox = await (await browser.Get("/")).Content.ReadAsStringAsync();
        inbox.ShouldContain($"Kø i {Infohus.Api.Web.Dansk.Ord(Department.Bfu)}", customMessage: "the member's department's queue");
    }

    [Fact]
    public async Task the_session_keeps_the_id_token_s_claims_and_none_from_userinfo()
    {
        var browser = login.Browser();
        var challenge = await browser.Get("/logind");
        // No name in the ID token; the provider's userinfo has one (and an e-mail, and a role).
        await login.Provider.SignIn(browser, challenge.Headers.Location!, new() { ["sub"] = "kommune-5555", ["role"] = "member", ["forvaltning"] = "au" });

        var inbox = await (await browser.Get("/")).Content.ReadAsStringAsync();
        inbox.ShouldContain("<strong class=\"user-name\">kommune-5555</strong>", customMessage: "without a name in the ID token the user id stands for it");
        inbox.ShouldNotContain("Navn fra userinfo");
        inbox.ShouldContain($"{Infohus.Api.Web.Dansk.Ord(Role.Member)}, {Infohus.Api.Web.Dansk.Ord(Department.Au)}", customMessage: "userinfo's role is not the session's");
    }

    [Fact]
    public async Task a_department_claim_listing_every_group_counts_only_the_infohus_departments()
    {
        var browser = login.Browser();
        var challenge = await browser.Get("/logind");
        var back = await login.Provider.SignIn(browser, challenge.Headers.Location!, new()
        {
            ["sub"] = "kommune-3333", ["name"] = "Peter Holm", ["role"] = "member", ["forvaltning"] = new[] { "alle-ansatte", "police", "vpn-brugere" }
        });
        back.Headers.Location!.OriginalString.ShouldBe("/");
        (await (await browser.Get("/")).Content.ReadAsStringAsync()).ShouldContain($"Kø i {Infohus.Api.Web.Dansk.Ord(Department.Police)}");
    }

    [Fact]
    public async Task signing_out_ends_the_session_and_the_provider_s()
    {
        var browser = login.Browser();
        var challenge = await browser.Get("/logind");
        await login.Provider.SignIn(browser, challenge.Headers.Location!, new()
        {
            ["sub"] = "kommune-2222", ["name"] = "Sofie Lund", ["role"] = "coordinator", ["forvaltning"] = "saeh"
        });
        var inbox = await (await browser.Get("/")).Content.ReadAsStringAsync();
        var antiforgery = System.Text.RegularExpressions.Regex.Match(inbox, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        antiforgery.ShouldNotBeEmpty(inbox);
        var signedOut = await browser.PostForm("/logud", new() { ["__RequestVerificationToken"] = antiforgery });

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(IdentityProvider.Authority + "/logout");
        var logout = QueryHelpers.ParseQuery(signedOut.Headers.Location.Query);
        logout["post_logout_redirect_uri"].ToString().ShouldBe("https://localhost/signout-callback-oidc");
        logout["client_id"].ToString().ShouldBe(MunicipalLogin.ClientId, "no ID token is kept for a hint: the client names itself");
        browser.HasSession.ShouldBeFalse();
        (await browser.Get("/")).Headers.Location!.OriginalString.ShouldStartWith("https://localhost/logind");
    }

    [Fact]
    public async Task legal_lands_on_its_own_page_and_cannot_open_a_case_page()
    {
        var browser = login.Browser();
        var challenge = await browser.Get("/logind");
        var back = await login.Provider.SignIn(browser, challenge.Headers.Location!, new()
        {
            ["sub"] = "kommune-0815", ["name"] = "Jurist Hansen", ["roles"] = new[] { "Legal" }
        });
        back.Headers.Location!.OriginalString.ShouldBe("/");

        var home = await browser.Get("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldBe("/jura");
        (await browser.Get("/jura")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Get($"/sager/{Guid.NewGuid()}")).Headers.Location!.OriginalString.ShouldStartWith("https://localhost/ingen-adgang");
    }

    public static TheoryData<string, Dictionary<string, object>> PeopleTheInfohusCannotActFor => new()
    {
        { "two roles", new() { ["sub"] = "kommune-1", ["name"] = "A", ["roles"] = new[] { "member", "legal" }, ["forvaltning"] = "au" } },
        { "a member without a department", new() { ["sub"] = "kommune-2", ["name"] = "B", ["role"] = "member" } },
        { "a department the Infohus does not know", new() { ["sub"] = "kommune-3", ["name"] = "C", ["role"] = "coordinator", ["forvaltning"] = "teknik" } },
        { "a role the Infohus does not know", new() { ["sub"] = "kommune-4", ["name"] = "D", ["role"] = "admin" } },
        { "no role at all", new() { ["sub"] = "kommune-5", ["name"] = "E" } },
        { "two departments", new() { ["sub"] = "kommune-6", ["name"] = "F", ["role"] = "member", ["forvaltning"] = new[] { "bfu", "au" } } },
        // Enum parsing would read a number or a list of names as a department (3 = police).
        { "a department given as a number", new() { ["sub"] = "kommune-7", ["name"] = "G", ["role"] = "member", ["forvaltning"] = "3" } },
        { "departments given as one list", new() { ["sub"] = "kommune-8", ["name"] = "H", ["role"] = "member", ["forvaltning"] = "saeh,au" } }
    };

    [Theory]
    [MemberData(nameof(PeopleTheInfohusCannotActFor))]
    public async Task a_person_the_infohus_cannot_act_for_gets_a_danish_refusal_and_no_session(string who, Dictionary<string, object> claims)
    {
        var logged = login.Logs.Lines.Count;
        var browser = login.Browser();
        var challenge = await browser.Get("/logind");
        var back = await login.Provider.SignIn(browser, challenge.Headers.Location!, claims);

        back.StatusCode.ShouldBe(HttpStatusCode.Redirect, who);
        back.Headers.Location!.OriginalString.ShouldBe(WebSignIn.RefusedPath, who);
        browser.HasSession.ShouldBeFalse(who);
        var refused = await browser.Get(back.Headers.Location.OriginalString);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("Log-ind afvist", customMessage: who);
        page.ShouldContain("præcis én", customMessage: who);
        (await browser.Get("/")).Headers.Location!.OriginalString.ShouldStartWith("https://localhost/logind", customMessage: who);
        var lines = login.Logs.Lines.Skip(logged).ToList();
        lines.ShouldContain(l => l.Contains("sign-in through the identity provider was refused") && l.Contains("urn:infohus:problem:"), who);
        lines.ShouldNotContain(l => l.Contains((string)claims["sub"]) || l.Contains($"\"{claims["name"]}\""), who);
    }

    [Fact]
    public async Task a_sign_in_cancelled_at_the_provider_says_so_and_logs_not_the_provider_s_description()
    {
        var browser = login.Browser();
        var challenge = await browser.Get("/logind");
        var state = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["state"].ToString();

        var logged = login.Logs.Lines.Count;

        var back = await browser.PostForm("/signin-oidc", new() { ["error"] = "access_denied", ["error_description"] = "User mette@kommune.example cancelled", ["state"] = state });

        back.Headers.Location!.OriginalString.ShouldBe(WebSignIn.FailedPath);
        browser.HasSession.ShouldBeFalse();
        var page = await (await browser.Get(back.Headers.Location.OriginalString)).Content.ReadAsStringAsync();
        page.ShouldContain("Log-ind ikke gennemført");
        page.ShouldNotContain("Log-ind afvist", customMessage: "not told that the account lacks a role");
        var lines = login.Logs.Lines.Skip(logged).ToList();
        lines.ShouldContain(l => l.Contains("sign-in through the identity provider failed") && l.Contains("access_denied"));
        lines.ShouldNotContain(l => l.Contains("mette@kommune.example"), "the provider's description can name the user: " + string.Join("\n", lines.Where(l => l.Contains("mette@kommune.example"))));
    }

    [Fact]
    public async Task a_sign_in_with_a_forged_state_fails_without_a_session()
    {
        var browser = login.Browser();
        await browser.Get("/logind");

        var back = await browser.PostForm("/signin-oidc", new() { ["code"] = "stolen", ["state"] = "forged" });

        back.Headers.Location!.OriginalString.ShouldBe(WebSignIn.FailedPath);
        browser.HasSession.ShouldBeFalse();
    }
}

/// <summary>A database and a host as production runs it, signing in through <see cref="Provider"/>.</summary>
public sealed class MunicipalLogin : IAsyncLifetime
{
    public const string ClientId = "infohus-web";

    public IdentityProvider Provider { get; } = new();

    public CapturedLogs Logs { get; } = new();

    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await SpecDatabases.Fresh("infohus_web_oidc");
        _host = await SpecDatabases.Host(connectionString, builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Infohus:Projections:DaemonMode", "Solo");
            builder.UseSetting("Infohus:Auth:Authority", IdentityProvider.Authority);
            builder.UseSetting("Infohus:Auth:WebClientId", ClientId);
            builder.UseSetting("Infohus:Auth:WebClientSecret", "a-client-secret");
            builder.UseSetting("Infohus:Auth:DepartmentClaim", "forvaltning");
            builder.UseSetting("Infohus:PersonalData:MasterKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 3)).ToArray()));
            builder.UseSetting("Infohus:PersonalData:IndexKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 1)).ToArray()));
            // The provider's discovery document and back channel are the spec's: no network.
            builder.ConfigureServices(services => services.Configure<OpenIdConnectOptions>(WebSignIn.OpenIdConnect, options =>
            {
                options.Configuration = Provider.Configuration;
                options.Backchannel = new HttpClient(Provider);
            }));
        }, Logs);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    public Browser Browser() => new(_host.Server.CreateHandler());
}

/// <summary>A browser on https://localhost: keeps cookies as a browser does, follows no redirect by itself.</summary>
public sealed class Browser(HttpMessageHandler server)
{
    private static readonly Uri Origin = new("https://localhost/");
    private readonly System.Net.CookieContainer _cookies = new();
    private readonly HttpClient _client = new(server) { BaseAddress = Origin };

    public bool HasSession => _cookies.GetCookies(Origin).Any(c => c.Name == "infohus-session" && !c.Expired && c.Value.Length > 0);

    public Task<HttpResponseMessage> Get(string url) => Send(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<HttpResponseMessage> PostForm(string url, Dictionary<string, string> fields) =>
        Send(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request)
    {
        var uri = new Uri(Origin, request.RequestUri!);
        if (_cookies.GetCookieHeader(uri) is { Length: > 0 } cookies) request.Headers.Add("Cookie", cookies);
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set) _cookies.SetCookies(uri, cookie);
        return response;
    }
}

/// <summary>
/// The municipality's identity provider, as far as a sign-in needs it: it authenticates the person the
/// spec names, hands out a one-time code, and at its token endpoint trades the code for a signed ID
/// token only with the client's secret and the PKCE verifier of that authorize request.
/// </summary>
public sealed class IdentityProvider : HttpMessageHandler
{
    public const string Authority = "https://login.kommune.example";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "kommune-1" };
    private readonly Dictionary<string, (string Challenge, Dictionary<string, object> Claims)> _codes = [];

    public OpenIdConnectConfiguration Configuration { get; }

    public IdentityProvider()
    {
        Configuration = new OpenIdConnectConfiguration
        {
            Issuer = Authority,
            AuthorizationEndpoint = Authority + "/authorize",
            TokenEndpoint = Authority + "/token",
            UserInfoEndpoint = Authority + "/userinfo",
            EndSessionEndpoint = Authority + "/logout"
        };
        Configuration.SigningKeys.Add(_key);
    }

    /// <summary>The person signs in at the provider; the provider posts the code back to the Infohus as its form would.</summary>
    public Task<HttpResponseMessage> SignIn(Browser browser, Uri authorize, Dictionary<string, object> person)
    {
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var claims = new Dictionary<string, object>(person) { ["nonce"] = query["nonce"].ToString() };
        lock (_codes) _codes[code] = (query["code_challenge"].ToString(), claims);
        return browser.PostForm(new Uri(query["redirect_uri"].ToString()).PathAndQuery, new() { ["code"] = code, ["state"] = query["state"].ToString() });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsoluteUri == Configuration.TokenEndpoint && request.Method == HttpMethod.Post)
        {
            var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
            (string Challenge, Dictionary<string, object> Claims) issued;
            lock (_codes)
            {
                if (!_codes.Remove(form["code"].ToString(), out issued)) return Json(HttpStatusCode.BadRequest, new { error = "invalid_grant" });
            }
            var verifier = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (verifier != issued.Challenge || form["client_id"] != MunicipalLogin.ClientId || form["client_secret"] != "a-client-secret")
                return Json(HttpStatusCode.BadRequest, new { error = "invalid_grant" });
            return Json(HttpStatusCode.OK, new { id_token = Token(issued.Claims), access_token = "access-" + issued.Claims["sub"], token_type = "Bearer", expires_in = 300 });
        }
        if (request.RequestUri.AbsoluteUri == Configuration.UserInfoEndpoint
            && request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } access } && access.StartsWith("access-", StringComparison.Ordinal))
            // A provider's userinfo says more than the Infohus keeps.
            return Json(HttpStatusCode.OK, new { sub = access["access-".Length..], name = "Navn fra userinfo", email = "person@kommune.example", role = "legal" });
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private string Token(Dictionary<string, object> claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Authority,
        Audience = MunicipalLogin.ClientId,
        Claims = claims,
        IssuedAt = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256)
    });

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
}
