using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Oversight;

public class when_an_auditor_replays_a_case(BrowserApp app) : OversightSpec(app)
{
    private const string Purpose = "Revision af sagsbehandlingen 2026";

    [Fact]
    public async Task the_auditor_reads_the_events_and_the_case_at_a_chosen_version_and_each_read_is_logged()
    {
        var @case = await Referral();
        @case = await Step(@case, "manager-informed", new InformManager(@case.Version));
        @case = await Step(@case, "interview", new HoldInterview(@case.Version, true, true));

        await SignIn(Role.Auditor, null, "Anders Revisor");
        (await H1()).ShouldBe("Revision");
        await ShouldBeAccessible();
        await Page.GetByLabel("Sagens nummer").FillAsync(@case.Reference);
        await Page.GetByLabel("Formål med at læse sagens historik").FillAsync(Purpose);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis sagens hændelser" }).ClickAsync();

        (await H1()).ShouldBe($"Sag {@case.Reference}: historik");
        var types = await Page.Locator("#haendelser tbody tr td:nth-child(3) code").AllInnerTextsAsync();
        types.ShouldBe(["referral_received", "nearest_manager_informed", "concern_interview_held"]);
        (await Page.Locator("#haendelser tbody tr td:nth-child(3)").First.InnerTextAsync()).ShouldStartWith("Bekymringshenvendelse modtaget");
        (await Page.Locator("#tilstand-h").InnerTextAsync()).ShouldBe("Sagen ved version 3 (som den står nu)");
        (await Page.Locator("#tilstand").InnerTextAsync()).ShouldContain("Bekymringssamtale holdt\nJa");
        await ShouldBeAccessible();

        await Page.GetByLabel("Vis sagen ved version", new() { Exact = true }).SelectOptionAsync("1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis versionen" }).ClickAsync();
        (await Page.Locator("#tilstand-h").InnerTextAsync()).ShouldBe("Sagen ved version 1 af 3");
        (await Page.Locator("#tilstand").InnerTextAsync()).ShouldContain("Nærmeste leder orienteret\nNej");
        (await Page.Locator("#tilstand").InnerTextAsync()).ShouldContain("Bekymringssamtale holdt\nNej");

        // The same state as the API's replay at that version.
        var (_, atOne) = await ApiGet($"/api/cases/{@case.Id}?asOfVersion=1", Caller.Auditor);
        atOne!["state"]!["interviewHeld"]!.GetValue<bool>().ShouldBeFalse();

        // Two visits, each reading the events and the case: four entries with the stated purpose.
        var (_, log) = await ApiGet($"/api/access-log?caseId={@case.Id}&user=dev-anders-revisor", Caller.Legal, purpose: null);
        var entries = log!["items"]!.AsArray();
        entries.Select(e => e!["endpoint"]!.GetValue<string>())
            .ShouldBe(["GET /api/cases/{id}/events", "GET /api/cases/{id}", "GET /api/cases/{id}/events", "GET /api/cases/{id}"]);
        entries.ShouldAllBe(e => e!["purpose"]!.GetValue<string>() == Purpose && e["role"]!.GetValue<string>() == "auditor");
    }

    [Fact]
    public async Task the_auditor_sees_the_verification_and_cannot_erase()
    {
        var @case = await Referral();
        await SignIn(Role.Auditor, null, "Anders Revisor");

        await Page.GotoAsync("/revision/verifikation");
        (await Page.Locator("#verifikation-status").InnerTextAsync()).ShouldContain("Historikken er intakt");
        await ShouldBeAccessible();

        (await Status("/jura/sletning")).ShouldBe(403);
        (await Status($"/revision/sag/{@case.Id}")).ShouldBe(200);
        (await Page.GetByLabel("Formål med at læse sagens historik").CountAsync()).ShouldBe(1, "the purpose is asked before any read");
        await ShouldBeAccessible();
    }
}
