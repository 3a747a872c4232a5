using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Support;

/// <summary>The referral form ("Ny henvendelse") filled as a member does for a teacher's call about a 16-year-old pupil.</summary>
public static class ReferralForm
{
    public static async Task FillTeachersCall(IPage page, string pupil, string? cprNumber = null)
    {
        await page.GetByLabel("Medarbejder", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Telefon", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Afsenderens forvaltning eller organisation").SelectOptionAsync(new SelectOptionValue { Label = "Skole" });
        await page.GetByLabel("Beskrivelse af bekymringen og særlige kendetegn").FillAsync("Eleven deler højreekstremistisk materiale i klassens chat.");
        await page.GetByLabel("Alder (år)").FillAsync("16");
        await page.GetByLabel("Mand", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Nationalitet").SelectOptionAsync(new SelectOptionValue { Label = "Dansk" });
        await page.GetByLabel("Bydel / lokalområde").SelectOptionAsync(new SelectOptionValue { Label = "Hirtshals" });
        await page.GetByLabel("Familie og netværk").SelectOptionAsync(new SelectOptionValue { Label = "Belastet" });
        await page.GetByLabel("Tilknytning til skole, uddannelse og arbejde").SelectOptionAsync(new SelectOptionValue { Label = "Skole" });
        await page.GetByLabel("Ideologi").SelectOptionAsync(new SelectOptionValue { Label = "Højreekstremisme" });
        await page.GetByLabel("Radikaliserende indhold online").CheckAsync();
        await page.Locator("#felt-subjectname").FillAsync(pupil);
        if (cprNumber is not null) await page.Locator("#felt-subjectcprnumber").FillAsync(cprNumber);
        await page.Locator("#felt-referrername").FillAsync("Lærer Anne Holm");
    }
}
