using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Infohus.Api.Cases.Intake;
using Infohus.Specs.Browser.Oversight;
using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>
/// "Er personen kendt i forvejen?" from a page: by CPR number or by name and date of birth, with a
/// purpose; each case found is in the access log; the CPR number is never in a URL nor shown again.
/// </summary>
public class when_a_member_asks_whether_a_person_is_known(BrowserApp app) : OversightSpec(app)
{
    private const string Cpr = "010210-1234";

    [Fact]
    public async Task the_cases_about_the_person_are_found_by_cpr_number_and_by_name_and_logged_with_the_purpose()
    {
        var earlier = await Referral(Given.EmployeeReferral() with { Subject = new Person("Ali Hansen", Cpr) });
        await Referral(Given.EmployeeReferral() with { Subject = new Person("Bo Jensen", "020310-4321") });
        await SignIn(Role.Member, Department.Au, "Anna Andersen");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Find tidligere sager om en person" }).ClickAsync();
        await Page.GetByLabel("Formål med søgningen").FillAsync("Ny henvendelse fra skolen om eleven");
        await Page.GetByLabel("CPR-nummer").FillAsync(Cpr);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Søg efter sager" }).ClickAsync();

        var rows = Page.Locator("main table tbody tr");
        (await rows.Locator("td").AllInnerTextsAsync()).ShouldBe([earlier.Reference, "Åben"]);
        (await Page.GetByLabel("CPR-nummer").InputValueAsync()).ShouldBeEmpty("the CPR number is not shown again after the search");
        Page.Url.ShouldNotContain("0102", customMessage: "never in a URL");
        (await Page.ContentAsync()).ShouldNotContain(Cpr);
        await ShouldBeAccessible();

        await Page.GetByLabel("Navn", new() { Exact = true }).FillAsync("ali  hansen");
        await Page.GetByLabel("Fødselsdato").FillAsync("2010-02-01");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Søg efter sager" }).ClickAsync();
        (await rows.Locator("td").AllInnerTextsAsync()).ShouldBe([earlier.Reference, "Åben"]);
        (await Page.GetByLabel("Navn", new() { Exact = true }).InputValueAsync()).ShouldBeEmpty("the name is not shown again either");
        (await Page.GetByLabel("Fødselsdato").InputValueAsync()).ShouldBeEmpty();
        (await Page.GetByLabel("Formål med søgningen").InputValueAsync()).ShouldBe("Ny henvendelse fra skolen om eleven", "the purpose stays for the next search");

        // Legal sees each find in the access log, with who searched and why.
        using var legal = App.Api(Caller.Legal);
        var log = (await legal.GetFromJsonAsync<JsonObject>($"/api/access-log?caseId={earlier.Id}"))!["items"]!.AsArray();
        log.Select(e => (e!["endpoint"]!.GetValue<string>(), e["purpose"]!.GetValue<string>(), e["userId"]!.GetValue<string>()))
            .Where(e => e.Item1 == "POST /api/people/cases")
            .ShouldBe([
                ("POST /api/people/cases", "Ny henvendelse fra skolen om eleven", "dev-anna-andersen"),
                ("POST /api/people/cases", "Ny henvendelse fra skolen om eleven", "dev-anna-andersen")]);
    }

    [Fact]
    public async Task an_unknown_person_has_no_cases_and_a_wrong_cpr_number_is_said_on_the_field()
    {
        await Referral(Given.EmployeeReferral() with { Subject = new Person("Ali Hansen", Cpr) });
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync("/henvendelser/person");

        await Page.GetByLabel("Formål med søgningen").FillAsync("Ny henvendelse");
        await Page.GetByLabel("CPR-nummer").FillAsync("311299-9999");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Søg efter sager" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Ingen sager om personen.");

        await Page.GetByLabel("CPR-nummer").FillAsync("321399-1234");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Søg efter sager" }).ClickAsync();
        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain("Et CPR-nummer er 10 cifre");
        await ShouldBeAccessible();

        await Page.GetByLabel("Formål med søgningen").FillAsync("");
        await Page.GetByLabel("CPR-nummer").FillAsync(Cpr);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Søg efter sager" }).ClickAsync();
        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain("Skriv formålet med at søge efter personen.");
        (await Page.Locator("main table").CountAsync()).ShouldBe(0, "no search without a purpose");
    }
}
