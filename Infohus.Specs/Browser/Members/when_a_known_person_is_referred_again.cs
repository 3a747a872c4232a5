using Infohus.Api.Cases.Intake;
using Infohus.Specs.Browser.Oversight;
using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

/// <summary>A referral about a person the Infohus knows: the new case says so at once, with links to the earlier cases.</summary>
public class when_a_known_person_is_referred_again(BrowserApp app) : OversightSpec(app)
{
    [Fact]
    public async Task the_new_case_names_the_earlier_cases_about_the_same_person()
    {
        var earlier = await Referral(Given.EmployeeReferral() with { Subject = new Person("Jonas Nielsen", "010210-1234") });
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync("/henvendelser/ny");

        await ReferralForm.FillTeachersCall(Page, "Jonas Nielsen", "0102101234");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér henvendelsen" }).ClickAsync();

        var notice = Page.Locator(".earlier-cases");
        (await notice.Locator(".alert-heading").InnerTextAsync()).ShouldBe("Personen er kendt i Infohuset i forvejen");
        await ShouldBeAccessible();
        await notice.GetByRole(AriaRole.Link, new() { Name = earlier.Reference }).ClickAsync();
        new Uri(Page.Url).AbsolutePath.ShouldBe($"/sager/{earlier.Id}");

        // A referral about someone else says nothing of the kind.
        await Page.GotoAsync("/henvendelser/ny");
        await ReferralForm.FillTeachersCall(Page, "Emil Larsen", "020310-4321");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrér henvendelsen" }).ClickAsync();
        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Henvendelsen er registreret");
        (await Page.Locator(".earlier-cases").CountAsync()).ShouldBe(0);
    }
}
