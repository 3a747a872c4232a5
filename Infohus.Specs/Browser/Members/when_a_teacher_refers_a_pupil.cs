using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>
/// The plan's course for an employee's concern (§4.2.2 I), clicked through by a BFU member: a teacher at
/// Hirtshals school is worried about a 16-year-old pupil; the manager is informed, the interview held,
/// the concern assessed as specific, feedback a) given, the case handed back to the school, the course
/// evaluated and the case closed.
/// </summary>
public class when_a_teacher_refers_a_pupil(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task the_member_takes_the_case_from_referral_to_closure_by_clicking()
    {
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await ShouldBeAccessible();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Ny henvendelse" }).ClickAsync();
        await ShouldBeAccessible();
        await ReferralForm.FillTeachersCall(Page, "Jonas Nielsen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér henvendelsen" }).ClickAsync();

        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Henvendelsen er registreret");
        var caseUrl = new Uri(Page.Url).AbsolutePath;
        await ShouldBeAccessible();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis personoplysninger" }).IsVisibleAsync();
        await Page.GetByLabel("Formål med at se personoplysningerne").FillAsync("Forberedelse af bekymringssamtalen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis personoplysninger" }).ClickAsync();
        (await Page.Locator(".personal .description").InnerTextAsync()).ShouldBe("Eleven deler højreekstremistisk materiale i klassens chat.");
        await ShouldBeAccessible();

        await Step("Nærmeste leder er orienteret");
        await Step("Hold bekymringssamtale", async () =>
        {
            await Page.GetByLabel("Jeg har oplyst, at henvendelsen ikke erstatter en underretning").CheckAsync();
            await Page.GetByLabel("Jeg har oplyst om underretningspligten til Udlændingestyrelsen").CheckAsync();
            await Page.GetByLabel("Noter fra samtalen").FillAsync("Samtale på skolen med klasselæreren.");
        });
        await Step("Vurdér bekymringen", async () =>
        {
            await Page.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
            foreach (var department in new[] { "BFU", "AU", "Lokalpolitiet" }) await Page.GetByLabel(department, new() { Exact = true }).CheckAsync();
            await Page.GetByLabel("Moderat (inden for 7 dage)").CheckAsync();
            await Page.GetByLabel("Foregribende indsats").CheckAsync();
        });
        await Screenshot("sag");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Indbakke" }).First.ClickAsync();
        (await Page.Locator("table").InnerTextAsync()).ShouldContain("Vurderet");
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Mine sager (1)" }).CountAsync()).ShouldBe(1);
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Afventer vurdering (0)" }).CountAsync()).ShouldBe(1);
        await Screenshot("indbakke");
        await Page.GotoAsync(caseUrl);
        await Step("Giv tilbagemelding", () => Page.GetByLabel("a) Vejledning om konkrete forebyggende tiltag").CheckAsync());
        await Step("Overdrag sagen", () => Page.GetByLabel("Modtagende myndighed").FillAsync("Hirtshals Skole"));
        await Step("Evaluér forløbet", () => Page.GetByLabel("Bekymringen er løst").CheckAsync());
        await Step("Luk sagen");

        (await Page.Locator("h1 .case-status").InnerTextAsync()).ShouldBe("Lukket");
        (await Page.Locator(".next-steps a").AllInnerTextsAsync()).ShouldBe(["Genåbn sagen"]);

        // The API sees the same course: the events the API's own specs expect.
        var api = App.Api(Caller.BfuMember);
        api.DefaultRequestHeaders.Add("X-Purpose", "Spec: the course as the API stores it");
        var events = await api.GetFromJsonAsync<JsonArray>($"/api/cases/{caseUrl.Split('/').Last()}/events");
        events!.Select(e => e!["type"]!.GetValue<string>()).ShouldBe([
            "referral_received", "nearest_manager_informed", "concern_interview_held", "concern_assessed",
            "feedback_given", "case_handed_over", "course_evaluated", "case_closed"]);
    }

    /// <summary>Clicks the step's button on the case page, fills its form, submits, and is back on the case with a success message.</summary>
    private async Task Step(string button, Func<Task>? fill = null)
    {
        await Page.Locator(".next-steps").GetByRole(AriaRole.Link, new() { Name = button, Exact = true }).ClickAsync();
        (await Page.Locator("h1").InnerTextAsync()).ShouldBe(button);
        if (fill is not null) await fill();
        await ShouldBeAccessible();
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain($"{button}: registreret");
    }
}
