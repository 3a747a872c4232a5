using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>
/// The targeted course (§4.2.2 I b, §4.3), clicked through by a BFU member: the concern is assessed as
/// targeted, feedback b) given, a crisis team convened, a preparedness plan adopted, an intervention
/// recommended and the authority's decision on it recorded, a follow-up on the family opened and
/// completed, the course evaluated and the case closed. axe runs on every form on the way.
/// </summary>
public class when_a_member_takes_the_targeted_course(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task the_member_takes_the_case_from_feedback_b_to_closure_by_clicking()
    {
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}");

        await Step("Nærmeste leder er orienteret");
        await Step("Hold bekymringssamtale", async () =>
        {
            await Page.GetByLabel("Jeg har oplyst, at henvendelsen ikke erstatter en underretning").CheckAsync();
            await Page.GetByLabel("Jeg har oplyst om underretningspligten til Udlændingestyrelsen").CheckAsync();
        });
        await Step("Vurdér bekymringen", async () =>
        {
            await Page.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
            foreach (var department in new[] { "BFU", "AU", "Lokalpolitiet" }) await Page.GetByLabel(department, new() { Exact = true }).CheckAsync();
            await Page.GetByLabel("Høj (inden for 24 timer)").CheckAsync();
            await Page.GetByLabel("Indgribende indsats").CheckAsync();
        });
        await Step("Giv tilbagemelding", () => Page.GetByLabel("b) Målrettet indsats: Infohuset indgår i krisegruppen").CheckAsync());
        await Step("Nedsæt krisegruppe", async () =>
        {
            foreach (var department in new[] { "BFU", "AU", "Lokalpolitiet" }) await Page.GetByLabel(department, new() { Exact = true }).CheckAsync();
        });
        await Step("Vedtag beredskabsplan", () => Page.GetByLabel("Beredskabsplan").FillAsync("Mentor hver uge, skolen og familien inddrages."));
        await Step("Anbefal indsats", () => Page.GetByLabel("Specialiseret mentor").CheckAsync());
        await Step("Registrér myndighedens afgørelse", async () =>
        {
            await Page.GetByLabel("Specialiseret mentor").CheckAsync();
            await Page.GetByLabel("Bevilget", new() { Exact = true }).CheckAsync();
            await Page.GetByLabel("Myndighed der har truffet afgørelsen").FillAsync("Børn og Familie, Hjørring Kommune");
        });
        (await Page.Locator(".next-steps a").AllInnerTextsAsync()).ShouldNotContain("Registrér myndighedens afgørelse", "the only recommended intervention is decided");
        await Step("Opret opfølgning (afledte effekter)", () => Page.GetByLabel("Familie", new() { Exact = true }).CheckAsync());
        await Step("Afslut opfølgning", () => Page.GetByLabel("Familie (ansvarlig: Mette Jensen)").CheckAsync());
        (await Page.Locator(".next-steps a").AllInnerTextsAsync()).ShouldNotContain("Afslut opfølgning", "the only follow-up is completed");
        await Step("Evaluér forløbet", () => Page.GetByLabel("Bekymringen er mindsket").CheckAsync());
        await Step("Luk sagen");

        (await Page.Locator("h1 .case-status").InnerTextAsync()).ShouldBe("Lukket");
        // The timeline reads in Danish, the decision as the authority made it.
        var sentences = await Page.Locator(".timeline-sentence").AllInnerTextsAsync();
        sentences.ShouldContain("Indsatsen er bevilget af Børn og Familie, Hjørring Kommune.");
        sentences.ShouldContain("Opfølgningen er afsluttet.");
        sentences.Last().ShouldBe("Sagen er lukket.");
        (await App.EventTypes(caseId)).ShouldBe([
            "referral_received", "nearest_manager_informed", "concern_interview_held", "concern_assessed", "feedback_given",
            "crisis_team_convened", "preparedness_plan_adopted", "intervention_recommended", "intervention_decided",
            "follow_up_opened", "follow_up_assigned", "follow_up_completed", "course_evaluated", "case_closed"]);
    }

    [Fact]
    public async Task a_decision_without_a_chosen_intervention_names_the_missing_field_and_appends_nothing()
    {
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}/trin/decision");
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Registrér myndighedens afgørelse" }).ClickAsync();

        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain("Vælg den indsats, myndigheden har truffet afgørelse om.");
        await ShouldBeAccessible();
        (await App.EventTypes(caseId)).ShouldBe(["referral_received"]);
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
