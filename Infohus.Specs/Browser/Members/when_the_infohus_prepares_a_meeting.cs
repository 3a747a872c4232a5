using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>§3.1: the monthly meeting's agenda holds the referrals awaiting assessment; a case prints as a one-page summary without personal data.</summary>
public class when_the_infohus_prepares_a_meeting(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task the_coordinator_calls_the_meeting_and_prints_its_agenda_and_a_case_summary()
    {
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Coordinator, Department.Bfu, "Sanne SSP");
        (await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link).AllInnerTextsAsync())
            .ShouldBe(["Indbakke", "Ny henvendelse", "Møder", "Oplysning og sparring", "Halvårsrapport", "Statistik"]);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Afventer vurdering (1)" }).ClickAsync();
        await ShouldBeAccessible();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Møder" }).ClickAsync();
        await Page.GetByLabel("Månedligt møde").CheckAsync();
        await Page.GetByLabel("Dato", new() { Exact = true }).FillAsync("2026-12-03");
        foreach (var department in new[] { "BFU", "SÆH", "AU", "Lokalpolitiet" }) await Page.GetByLabel(department, new() { Exact = true }).CheckAsync();
        await ShouldBeAccessible();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Indkald til møde" }).ClickAsync();

        (await Page.Locator("h1").InnerTextAsync()).ShouldBe("Dagsorden: Månedligt møde 3. december 2026");
        var awaiting = Page.Locator("table.agenda").Nth(0);
        (await awaiting.InnerTextAsync()).ShouldContain("2026-0001");
        await ShouldBeAccessible();
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        (await Page.Locator("header.header").IsVisibleAsync()).ShouldBeFalse("the agenda prints without the page's header");
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        await Page.GotoAsync($"/sager/{caseId}/udskrift");
        await ShouldBeAccessible();
        var summary = await Page.Locator("main").InnerTextAsync();
        summary.ShouldContain("Sag 2026-0001 – resumé til mødet");
        summary.ShouldNotContain("højreekstremistisk materiale");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await Page.PdfAsync(new() { Format = "A4" });
        CountPages(pdf).ShouldBe(1, "a case summary fits on one A4 page");
    }

    /// <summary>Page objects in a PDF as Chromium writes it.</summary>
    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
}
