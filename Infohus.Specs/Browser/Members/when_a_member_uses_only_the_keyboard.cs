using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>WCAG 2.1.1: the referral form is completed and sent with the keyboard alone, errors included.</summary>
public class when_a_member_uses_only_the_keyboard(BrowserApp app) : BrowserSpec(app)
{
    [Fact]
    public async Task the_referral_form_is_completed_with_tab_space_arrows_and_enter()
    {
        await SignIn(Role.Member, Department.Saeh, "Sofie Sundhed");
        await Page.GotoAsync("/henvendelser/ny");

        // The skip link is the first stop and leads to the content.
        await Page.Keyboard.PressAsync("Tab");
        (await Focused()).ShouldBe("Gå til sidens indhold");

        // Sent empty: the error summary takes the reader to each field.
        await TabTo("main button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForSelectorAsync("#fejlopsummering");
        (await Page.Locator("#felt-description").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await Page.Locator("#felt-description").GetAttributeAsync("aria-describedby"))!.ShouldContain("felt-description-error");

        await TabTo("#felt-source-0");                 // Medarbejder
        await Page.Keyboard.PressAsync("ArrowDown");   // Ekstern samarbejdspartner
        await TabTo("#felt-channel-0");
        await Page.Keyboard.PressAsync("ArrowDown");   // Telefon
        await TabTo("#felt-referrerorganisation");
        await Choose("Sundhed");
        await TabTo("#felt-description");
        await Page.Keyboard.TypeAsync("Borgeren har ytret sig voldsforherligende over for personalet.");
        await TabTo("#felt-age");
        await Page.Keyboard.TypeAsync("34");
        await TabTo("#felt-gender-0");
        await Page.Keyboard.PressAsync("Space");       // Kvinde
        foreach (var (field, option) in new[] { ("#felt-nationality", "Dansk"), ("#felt-district", "Sindal"), ("#felt-family", "Isoleret"),
                     ("#felt-attachment", "Ledig"), ("#felt-ideology", "Islamisme") })
        {
            await TabTo(field);
            await Choose(option);
        }
        await TabTo("#felt-warningsigns-6");
        await Page.Keyboard.PressAsync("Space");       // Voldelige udtalelser
        await TabTo("main button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForSelectorAsync(".alert-success");
        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Henvendelsen er registreret");
        var facts = await Page.Locator("main").InnerTextAsync();
        foreach (var shown in new[] { "Ekstern samarbejdspartner (Sundhed), telefon", "34 år", "Kvinde", "Sindal", "Isoleret", "Ledig", "Islamisme", "Voldelige udtalelser" })
            facts.ShouldContain(shown);
    }

    private Task<string> Focused() => Page.EvaluateAsync<string>("document.activeElement.innerText || document.activeElement.id || document.activeElement.name");

    /// <summary>Presses Tab until the element is focused, as a keyboard user moves through the form.</summary>
    private async Task TabTo(string selector)
    {
        for (var presses = 0; presses < 120; presses++)
        {
            if (await Page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector)) return;
            await Page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"{selector} cannot be reached with Tab.");
    }

    /// <summary>Arrow keys through a focused list until the option is selected.</summary>
    private async Task Choose(string option)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            if (await Page.EvaluateAsync<string>("document.activeElement.selectedOptions[0].text") == option) return;
            await Page.Keyboard.PressAsync("ArrowDown");
        }
        throw new InvalidOperationException($"{option} is not among the options.");
    }
}
