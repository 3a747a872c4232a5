using Infohus.Specs.Browser.Oversight;
using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>A closed case is listed under "Lukkede sager" and found by its number from the inbox.</summary>
public class when_a_member_looks_up_a_case(BrowserApp app) : OversightSpec(app)
{
    [Fact]
    public async Task a_closed_case_is_listed_and_found_by_its_number_and_an_unknown_number_is_said_so()
    {
        var closed = await ClosedCase();
        await SignIn(Role.Member, Department.Saeh, "Karin Mikkelsen");
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Alle åbne sager (0)" }).CountAsync()).ShouldBe(1, "a closed case is in none of the open views");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Lukkede sager (1)" }).ClickAsync();
        (await Page.Locator("main table tbody tr td").First.InnerTextAsync()).ShouldBe(closed.Reference);
        await ShouldBeAccessible();

        await Page.GetByLabel("Find en sag efter sagsnummer").FillAsync(closed.Reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find sagen" }).ClickAsync();

        await Page.WaitForURLAsync($"**/sager/{closed.Id}");
        (await Page.Locator("h1").InnerTextAsync()).ShouldBe($"Sag {closed.Reference} Lukket");

        await Page.GotoAsync("/");
        await Page.GetByLabel("Find en sag efter sagsnummer").FillAsync("2026-9999");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find sagen" }).ClickAsync();
        (await Page.Locator(".form-error-message").InnerTextAsync()).ShouldContain("Ingen sag har sagsnummeret 2026-9999.");
        await ShouldBeAccessible();
    }
}
