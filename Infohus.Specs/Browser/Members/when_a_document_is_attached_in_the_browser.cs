using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Members;

public class when_a_document_is_attached_in_the_browser(BrowserApp app) : BrowserSpec(app)
{
    private static readonly byte[] InterviewForm = [.. "%PDF-1.4\n% interviewskema\n"u8.ToArray(), .. new byte[64]];

    [Fact]
    public async Task it_is_sealed_on_the_case_and_downloaded_only_after_a_purpose()
    {
        var (caseId, _) = await App.TeachersReferral(Caller.BfuMember);
        await SignIn(Role.Member, Department.Bfu, "Mette Jensen");
        await Page.GotoAsync($"/sager/{caseId}");
        await Page.Locator(".next-steps").GetByRole(AriaRole.Link, new() { Name = "Vedhæft dokument" }).ClickAsync();
        await Page.GetByLabel("Fil").SetInputFilesAsync(new FilePayload { Name = "interviewskema.pdf", MimeType = "application/pdf", Buffer = InterviewForm });
        await Page.GetByLabel("Interviewskema").CheckAsync();
        await ShouldBeAccessible();
        await Page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = "Vedhæft dokument" }).ClickAsync();
        (await Page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Dokumentet er vedhæftet.");

        (await Page.Locator("main a", new() { HasTextString = "Interviewskema" }).CountAsync()).ShouldBe(0, "no download before a purpose is stated");
        await Page.GetByLabel("Formål med at se personoplysningerne").FillAsync("Forberedelse af vurderingen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis personoplysninger" }).ClickAsync();
        var link = await Page.Locator("main a", new() { HasTextString = "Interviewskema" }).GetAttributeAsync("href");
        var download = await Page.Context.APIRequest.GetAsync(link!);
        download.Status.ShouldBe(200);
        (await download.BodyAsync()).ShouldBe(InterviewForm);

        (await App.EventTypes(caseId)).ShouldBe(["referral_received", "document_attached"]);
    }
}
