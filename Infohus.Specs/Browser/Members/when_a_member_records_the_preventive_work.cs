using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>
/// The work beside the cases (§2.1 sparring, §4.2.1 information and dialogue meetings, §5.2
/// newsletters, §3.3 courses) is recorded from a page, and the steering group's half-year report
/// counts it.
/// </summary>
public class when_a_member_records_the_preventive_work(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task advice_a_meeting_a_newsletter_and_a_course_are_recorded_and_the_half_year_report_counts_them()
    {
        await SignIn(Role.Coordinator, Department.Bfu, "Sanne SSP");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Oplysning og sparring" }).ClickAsync();
        (await Page.Locator("h1").InnerTextAsync()).ShouldBe("Oplysning og sparring");
        await ShouldBeAccessible();

        // A teacher asked about warning signs; the advice was enough. The date is today unless changed.
        await Page.GetByLabel("Tegn på bekymring").CheckAsync();
        await Page.GetByLabel("Kollegaens organisation").SelectOptionAsync(new SelectOptionValue { Label = "Skole" });
        await Page.GetByLabel("Sparring givet").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér sparringen" }).ClickAsync();
        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Sparringen er registreret.");

        await Page.GetByLabel("Eksternt møde: slags institution").SelectOptionAsync(new SelectOptionValue { Label = "Ungdomsuddannelse" });
        await Page.GetByLabel("Antal deltagere").FillAsync("24");
        await Page.GetByLabel("Antal uddelte Action Cards").FillAsync("20");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér mødet" }).ClickAsync();
        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain("er registreret.");

        await Page.GetByLabel("Modtagere").FillAsync("Medarbejderne i BFU, SÆH og AU");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér nyhedsbrevet" }).ClickAsync();
        await Page.GetByLabel("Kursets navn").FillAsync("Forebyggelse af ekstremisme, grundkursus");
        await Page.GetByLabel("Nationalt Center for Forebyggelse af Ekstremisme").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér kurset" }).ClickAsync();

        var year = Page.Locator("main table").First;
        (await year.Locator("tbody td").AllInnerTextsAsync()).ShouldBe(["1", "1", "1", "1"]);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Halvårsrapport" }).ClickAsync();
        var report = await Page.Locator("main").InnerTextAsync();
        report.ShouldContain("Sparring med kolleger efter emne (1 i alt)");
        (await Page.Locator("#sparring-emne-tabel tr", new() { HasText = "Tegn på bekymring" }).Locator("td").AllInnerTextsAsync()).ShouldBe(["1"]);
    }

    [Fact]
    public async Task a_meeting_s_figures_are_corrected_with_a_reason_and_the_report_counts_the_corrected_figures()
    {
        await SignIn(Role.Coordinator, Department.Saeh, "Sanne SSP");
        await Page.GotoAsync("/oplysning");
        await Page.GetByLabel("Internt møde: forvaltning").SelectOptionAsync(new SelectOptionValue { Label = "AU" });
        await Page.GetByLabel("Antal deltagere").FillAsync("12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér mødet" }).ClickAsync();
        var meetings = Page.Locator("table", new() { Has = Page.Locator("caption", new() { HasText = "Møder registreret siden" }) });
        (await meetings.Locator("tbody td").AllInnerTextsAsync()).Skip(1).Take(3).ShouldBe(["AU", "12", "0"], "no Action Cards unless a number is given");

        await meetings.GetByRole(AriaRole.Link).ClickAsync();
        await ShouldBeAccessible();
        await Page.GetByLabel("Antal deltagere").FillAsync("21");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ret tallene" }).ClickAsync();
        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain("Skriv, hvorfor tallene rettes.");
        await Page.GetByLabel("Hvorfor rettes tallene?").FillAsync("Deltagerlisten var ikke talt færdig.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ret tallene" }).ClickAsync();

        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain("er rettet.");
        (await meetings.Locator("tbody td").AllInnerTextsAsync()).Skip(1).Take(3).ShouldBe(["AU", "21", "0"]);
        await Page.GotoAsync("/styregruppe");
        (await Page.Locator("#oplysning-forvaltning-tabel tbody tr", new() { HasText = "AU" }).Locator("td").AllInnerTextsAsync()).ShouldBe(["1", "21", "0"]);
    }

    [Fact]
    public async Task a_meeting_neither_internal_nor_external_is_refused_on_the_form_and_nothing_is_recorded()
    {
        await SignIn(Role.Member, Department.Au, "Anna Andersen");
        await Page.GotoAsync("/oplysning");

        await Page.GetByLabel("Antal deltagere").FillAsync("mange");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér mødet" }).ClickAsync();

        var summary = await Page.Locator("#fejlopsummering").InnerTextAsync();
        summary.ShouldContain("Vælg enten en forvaltning (internt møde) eller en slags institution (eksternt møde).");
        summary.ShouldContain("Skriv antal deltagere som et tal.");
        (await Page.GetByLabel("Antal deltagere").InputValueAsync()).ShouldBe("mange", "what was typed is kept");
        await ShouldBeAccessible();
        (await Page.Locator("main table").First.Locator("tbody td").AllInnerTextsAsync()).ShouldBe(["0", "0", "0", "0"]);
    }

    [Fact]
    public async Task a_citizen_is_not_offered_as_a_colleague_and_a_future_date_or_an_impossible_count_is_refused_in_danish()
    {
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync("/oplysning");
        (await Page.GetByLabel("Kollegaens organisation").Locator("option").AllInnerTextsAsync()).ShouldNotContain("Privat borger",
            "advice to a citizen is no sparring: the citizen's concern is a referral");

        await Page.GetByLabel("Dato for sparringen").FillAsync(DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"));
        await Page.GetByLabel("Om der skal henvises").CheckAsync();
        await Page.GetByLabel("Kollegaens organisation").SelectOptionAsync(new SelectOptionValue { Label = "Jobcenter" });
        await Page.GetByLabel("Sparring givet").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér sparringen" }).ClickAsync();
        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain("Datoen ligger efter i dag. Registrér det, når det er sket.");
        (await Page.GetByLabel("Mødets dato").InputValueAsync()).ShouldNotBeEmpty("the other forms keep their date");

        await Page.GetByLabel("Internt møde: forvaltning").SelectOptionAsync(new SelectOptionValue { Label = "BFU" });
        await Page.GetByLabel("Antal deltagere").FillAsync("0");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér mødet" }).ClickAsync();
        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain("Antal deltagere er mellem 1 og 2.000.");
        await ShouldBeAccessible();
        (await Page.Locator("main table").First.Locator("tbody td").AllInnerTextsAsync()).ShouldBe(["0", "0", "0", "0"]);
    }
}
