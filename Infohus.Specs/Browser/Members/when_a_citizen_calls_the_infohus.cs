using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>§4.2.2 II: a citizen's concern is never refused, routed by age, and the citizen is guided: 114, 112, the national hotline.</summary>
public class when_a_citizen_calls_the_infohus(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task the_member_sees_the_guidance_to_give_and_the_ssp_consultant_handles_a_minor()
    {
        await SignIn(Role.Member, Department.Police, "Lars Politi");
        await Page.GotoAsync("/henvendelser/ny");
        (await Page.Locator(".citizen-guidance-hint").InnerTextAsync()).ShouldContain("114");

        await Page.GetByLabel("Borger", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Telefon", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Afsenderens forvaltning eller organisation").SelectOptionAsync(new SelectOptionValue { Label = "Privat borger" });
        await Page.GetByLabel("Beskrivelse af bekymringen og særlige kendetegn").FillAsync("En mor er bekymret for sin søn på 15.");
        await Page.GetByLabel("Borgeren har mistanke om ulovlige handlinger").CheckAsync();
        await Page.GetByLabel("Situationen er akut").CheckAsync();
        await Page.GetByLabel("Borgeren ønsker rådgivning").CheckAsync();
        await Page.GetByLabel("Alder (år)").FillAsync("15");
        await Page.GetByLabel("Mand", new() { Exact = true }).CheckAsync();
        foreach (var (label, option) in new[] { ("Nationalitet", "Ukendt"), ("Bydel / lokalområde", "Hjørring"), ("Familie og netværk", "Ukendt"),
                     ("Tilknytning til skole, uddannelse og arbejde", "Skole"), ("Ideologi", "Uklar") })
            await Page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér henvendelsen" }).ClickAsync();

        var guidance = await Page.Locator(".citizen-guidance").InnerTextAsync();
        guidance.ShouldContain("politiet på 114");
        guidance.ShouldContain("ring 112");
        guidance.ShouldContain("den nationale hotline");
        (await Page.Locator(".facts").First.InnerTextAsync()).ShouldContain("SSP-konsulenten (under 18 år)");
        await ShouldBeAccessible();
    }
}
