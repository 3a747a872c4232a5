using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

public class when_a_step_breaks_the_plan_in_the_browser(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task the_page_gives_the_same_reason_as_the_api()
    {
        var (caseId, version) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");

        // §4.2.2 I: no interview before the nearest manager is informed. The case offers no such button; the form's address is typed.
        await Page.GotoAsync($"/sager/{caseId}/trin/interview");
        var warned = await Page.Locator(".not-allowed-reason").InnerTextAsync();
        await Page.GetByLabel("Jeg har oplyst, at henvendelsen ikke erstatter en underretning").CheckAsync();
        await Page.GetByLabel("Jeg har oplyst om underretningspligten til Udlændingestyrelsen").CheckAsync();
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Hold bekymringssamtale" }).ClickAsync();

        var summary = Page.Locator("#fejlopsummering");
        (await summary.Locator(".alert-heading").InnerTextAsync()).ShouldBe("Trinnet blev afvist");
        var onPage = await summary.Locator(".refusal-reason").InnerTextAsync();
        await ShouldBeAccessible();

        var (status, fromApi) = await App.ApiStep(Caller.BfuMember, caseId, "interview", new HoldInterview(version, true, true));
        ((int)status).ShouldBeInRange(400, 499);
        onPage.ShouldBe(fromApi);
        warned.ShouldBe(fromApi);
        (await App.EventTypes(caseId)).ShouldBe(["referral_received"], "a refused step appends nothing");
    }

    [Fact]
    public async Task a_form_sent_twice_registers_once()
    {
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}/trin/manager-informed");

        // The same form, with its key, sent twice as a double click or a resend after a lost answer would.
        var pages = await Page.EvaluateAsync<string[]>("""
            async () => {
                const form = document.querySelector('main form');
                const send = () => fetch(form.action || location.href, { method: 'POST', body: new URLSearchParams(new FormData(form)) }).then(r => r.text());
                const first = await send();
                const second = await send();
                return [first, second];
            }
            """);

        pages[0].ShouldContain("Nærmeste leder er orienteret: registreret.");
        pages[1].ShouldContain("formularen var allerede sendt og er kun registreret én gang");
        (await App.EventTypes(caseId)).ShouldBe(["referral_received", "nearest_manager_informed"]);
    }

    [Fact]
    public async Task a_stale_form_says_what_changed_and_keeps_what_was_typed()
    {
        var (caseId, version) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}/trin/notes");
        await Page.GetByLabel("Telefonsamtale").CheckAsync();
        await Page.GetByLabel("Notat", new() { Exact = true }).FillAsync("Ringede til klasselæreren.");

        // Meanwhile a colleague informs the manager through the API.
        (await App.ApiStep(Caller.AuMember, caseId, "manager-informed", new InformManager(version))).Status.ShouldBe(HttpStatusCode.OK);
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Skriv journalnotat" }).ClickAsync();

        (await Page.Locator("#fejlopsummering .alert-heading").InnerTextAsync()).ShouldBe("Sagen er ændret, mens du udfyldte formularen");
        var changed = await Page.Locator(".changed-since").InnerTextAsync();
        changed.ShouldContain("Nærmeste leder orienteret");
        changed.ShouldContain("Afsenderens nærmeste leder er orienteret.", customMessage: "the change said in Danish, as on the case page");
        changed.ShouldNotContain("manager was informed");
        (await Page.GetByLabel("Notat", new() { Exact = true }).InputValueAsync()).ShouldBe("Ringede til klasselæreren.");
        (await Page.GetByLabel("Telefonsamtale").IsCheckedAsync()).ShouldBeTrue();
        await ShouldBeAccessible();

        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Skriv journalnotat" }).ClickAsync();
        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Skriv journalnotat: registreret.");
        (await App.EventTypes(caseId)).ShouldBe(["referral_received", "nearest_manager_informed", "journal_note_added"]);
    }
}
