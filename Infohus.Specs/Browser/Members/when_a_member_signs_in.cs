using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

public class when_a_member_signs_in(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task the_inbox_opens_in_danish_with_the_members_own_menu()
    {
        await Page.GotoAsync("/");
        Page.Url.ShouldContain("/logind");
        await ShouldBeAccessible();

        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");

        (await Page.GetByRole(AriaRole.Heading, new() { Name = "Indbakke", Level = 1 }).CountAsync()).ShouldBe(1);
        (await Page.Locator(".user-id").InnerTextAsync()).ShouldBe("Bruger-id: dev-mette-jensen", "the id to list the member under in Infohus:Members");
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("da");
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" });
        (await menu.GetByRole(AriaRole.Link).AllInnerTextsAsync()).ShouldBe(["Indbakke", "Ny henvendelse", "Møder", "Oplysning og sparring"]);
        await ShouldBeAccessible();
    }

    [Fact]
    public async Task signing_out_ends_the_session()
    {
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/logind");
        (await Page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "infohus-session");
        await Page.GotoAsync("/");
        Page.Url.ShouldContain("/logind", customMessage: "the inbox asks for a sign-in again");
    }

    [Fact]
    public async Task the_design_systems_files_are_served_from_the_app_itself()
    {
        var failed = new List<string>();
        Page.RequestFailed += (_, request) => failed.Add(request.Url);
        Page.Response += (_, response) => { if (response.Status >= 400) failed.Add($"{response.Status} {response.Url}"); };
        await Page.GotoAsync("/logind");
        await Page.EvaluateAsync("document.fonts.ready");

        failed.ShouldBeEmpty();
        (await Page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily")).ShouldContain("IBM Plex Sans");
        (await Page.EvaluateAsync<bool>("document.fonts.check('16px \"IBM Plex Sans\"')")).ShouldBeTrue();
    }
}
