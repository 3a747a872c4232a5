using Infohus.Api.Cases.Assessing;
using Infohus.Api.Cases.Disclosing;
using Infohus.Api.Cases.Feedback;
using Infohus.Api.Cases.Interviewing;
using Infohus.Api.Cases.Targeting;
using Infohus.Specs.Browser.Support;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>
/// The forms beside the plan's course, clicked from the case page's buttons: assigning the case, a §115
/// disclosure, linking a related case and the crisis team's communication. axe runs on every form.
/// </summary>
public class when_a_member_uses_the_case_work_forms(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task the_coordinator_assigns_the_case_to_a_member_chosen_from_the_municipality_s_list()
    {
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Coordinator, Department.Bfu, "Sofie Lund");
        await Page.GotoAsync($"/sager/{caseId}");

        await Step("Tildel sagen", async () =>
        {
            // Every listed member by name and department; no user id to type.
            var members = Page.GetByLabel("Medlem", new() { Exact = true });
            (await members.Locator("option").AllInnerTextsAsync()).ShouldBe(["Vælg medlem", "Mette Jensen (BFU)", "Anna Andersen (AU)", "Peter Holm (Lokalpolitiet)"]);
            (await Page.GetByLabel("Medlemmets brugernavn").CountAsync()).ShouldBe(0);
            await members.SelectOptionAsync(new SelectOptionValue { Label = "Anna Andersen (AU)" });
        });

        (await Page.Locator(".facts").First.InnerTextAsync()).ShouldContain("Anna Andersen");
        (await App.EventTypes(caseId)).ShouldBe(["referral_received", "case_assigned"]);
        var api = App.Api(Caller.AuMember);
        api.DefaultRequestHeaders.Add("X-Purpose", "Spec: who has the case");
        (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases/{caseId}")).GetProperty("state").GetProperty("assignedTo").GetString()
            .ShouldBe("au-member", "the listed member's user id, so the case is in her 'Mine sager'");
    }

    [Fact]
    public async Task a_member_records_a_disclosure_under_115_and_a_refused_one_reads_as_the_api_says()
    {
        var (caseId, version) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}");

        await Step("Registrér videregivelse (§115)", async () =>
        {
            await Disclosure("Kommunens sociale myndigheder");
            await Page.GetByLabel("Identitet", new() { Exact = true }).CheckAsync();
            await Page.GetByLabel("Familieforhold", new() { Exact = true }).CheckAsync();
        });
        (await App.EventTypes(caseId)).ShouldBe(["referral_received", "information_disclosed"]);

        // §115 never covers the press: the page gives the API's reason word for word, and nothing is appended.
        await Page.Locator(".next-steps").GetByRole(AriaRole.Link, new() { Name = "Registrér videregivelse (§115)", Exact = true }).ClickAsync();
        await Disclosure("Pressen");
        await Page.GetByLabel("Identitet", new() { Exact = true }).CheckAsync();
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Registrér videregivelse (§115)" }).ClickAsync();
        var onPage = await Page.Locator("#fejlopsummering .refusal-reason").InnerTextAsync();
        (await Page.GetByLabel("Hvorfor var videregivelsen nødvendig?").InputValueAsync()).ShouldBe("Krisegruppen skal kende familiens situation.");
        await ShouldBeAccessible();

        var (_, fromApi) = await App.ApiStep(Caller.BfuMember, caseId, "disclosures", new DiscloseInformation(version + 1,
            new Recipient(RecipientType.Press, "Nordjyske", "Journalist"), new LegalBasis(Cooperation.Ssp, Provision.Stk2, DisclosurePurpose.CoordinatedEffort),
            [DataCategory.Identity], "Krisegruppen skal kende familiens situation."));
        onPage.ShouldBe(fromApi);
        (await App.EventTypes(caseId)).ShouldBe(["referral_received", "information_disclosed"], "a refused disclosure appends nothing");
    }

    [Fact]
    public async Task a_member_links_a_related_case_by_its_reference()
    {
        var (sisterId, _) = await App.TeachersReferral(Caller.BfuMember);
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{sisterId}");
        var sister = (await Page.Locator("h1").InnerTextAsync()).Split(' ')[1];
        await Page.GotoAsync($"/sager/{caseId}");

        await Step("Forbind med en anden sag", async () =>
        {
            await Page.GetByLabel("Den anden sags reference").FillAsync(sister);
            await Page.GetByLabel("Søskende", new() { Exact = true }).CheckAsync();
        });

        (await Page.GetByRole(AriaRole.Link, new() { Name = $"Sag {sister}", Exact = true }).CountAsync()).ShouldBe(1);
        (await App.EventTypes(caseId)).ShouldBe(["referral_received", "cases_linked"]);
        (await App.EventTypes(sisterId)).ShouldBe(["referral_received", "cases_linked"]);
    }

    [Fact]
    public async Task an_unknown_reference_is_refused_in_danish_and_links_nothing()
    {
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}/trin/links");
        await Page.GetByLabel("Den anden sags reference").FillAsync("1999-9999");
        await Page.GetByLabel("Samme miljø", new() { Exact = true }).CheckAsync();
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Forbind med en anden sag" }).ClickAsync();

        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain("Ingen sag har referencen 1999-9999.");
        (await App.EventTypes(caseId)).ShouldBe(["referral_received"]);
    }

    [Fact]
    public async Task the_crisis_team_communicates_inside_and_to_the_press()
    {
        var (caseId, version) = await App.TeachersReferral(Caller.BfuMember);
        object[] course =
        [
            new InformManager(version), new HoldInterview(version + 1, true, true),
            new AssessConcern(version + 2, true, [Department.Bfu, Department.Police], "high", PreventionTier.Targeted),
            new GiveFeedback(version + 3, FeedbackKind.Targeted), new ConveneCrisisTeam(version + 4, [Department.Bfu, Department.Au, Department.Police])
        ];
        foreach (var (step, command) in new[] { "manager-informed", "interview", "assessment", "feedback", "crisis-team" }.Zip(course))
            (await App.ApiStep(Caller.BfuMember, caseId, step, command)).Status.ShouldBe(HttpStatusCode.OK, step);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}");

        await Step("Send intern kommunikation", async () =>
        {
            await Page.GetByLabel("Afsenderen er leder").CheckAsync();
            await Page.GetByLabel("Afsenderens funktion").FillAsync("Skoleleder");
            await Page.GetByLabel("Medarbejdere", new() { Exact = true }).CheckAsync();
            await Page.GetByLabel("Hvad gøres der?").FillAsync("Krisegruppen er samlet.");
            await Page.GetByLabel("Hvem handler?").FillAsync("Skolens ledelse og SSP.");
            await Page.GetByLabel("Hvordan skal man forholde sig?").FillAsync("Henvis spørgsmål til ledelsen.");
            await Page.GetByLabel("Hvem kontaktes ved spørgsmål?").FillAsync("Skolens kontor");
        });
        await Step("Registrér at cheferne er orienteret", async () =>
        {
            await Page.GetByLabel("Chefen for Børn og Familie er orienteret").CheckAsync();
            await Page.GetByLabel("Chefen for lokalpolitiet er orienteret").CheckAsync();
        });
        await Step("Udpeg talsperson", () => Page.GetByLabel("Talspersonens funktion").FillAsync("Kommunaldirektør"));
        await Step("Send pressemeddelelse", () => Page.GetByLabel("Kernebudskaber").FillAsync(
            "Kommunen arbejder forebyggende.\nSkolerne og politiet samarbejder.\nForældre kan kontakte Infohuset."));

        (await App.EventTypes(caseId)).Skip(6).ShouldBe(["internal_communication_sent", "press_heads_informed", "spokesperson_appointed", "press_message_issued"]);
    }

    [Fact]
    public async Task a_member_corrects_the_registration_from_what_it_holds_now()
    {
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}");

        await Step("Ret registreringen", async () =>
        {
            (await Page.GetByLabel("Alder (år)").InputValueAsync()).ShouldBe("16");
            (await Page.GetByLabel("Radikaliserende indhold online").IsCheckedAsync()).ShouldBeTrue();
            (await Page.GetByLabel("Bydel / lokalområde").InputValueAsync()).ShouldBe("hirtshals");
            await Page.GetByLabel("Alder (år)").FillAsync("17");
        });

        (await Page.Locator(".facts").Nth(1).InnerTextAsync()).ShouldContain("17 år");
        (await Page.Locator(".facts").Nth(1).InnerTextAsync()).ShouldContain("Hirtshals");
        (await App.EventTypes(caseId)).ShouldBe(["referral_received", "registration_corrected"]);
    }

    private async Task Disclosure(string recipient)
    {
        await Page.GetByLabel("Modtagerens type").SelectOptionAsync(new SelectOptionValue { Label = recipient });
        await Page.GetByLabel("Modtagende myndighed eller institution").FillAsync("Hjørring Kommune, Børn og Familie");
        await Page.GetByLabel("Modtagerens funktion").FillAsync("Sagsbehandler");
        await Page.GetByLabel("SSP", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("§115, stk. 2", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Koordineret indsats", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Hvorfor var videregivelsen nødvendig?").FillAsync("Krisegruppen skal kende familiens situation.");
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
