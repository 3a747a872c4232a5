using Infohus.Api.Cases.Erasing;
using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Oversight;

public class when_legal_reviews_the_logs(BrowserApp app) : OversightSpec(app)
{
    private const string MembersPurpose = "Forberedelse af maanedsmoedet";

    /// <summary>A case with a §115 disclosure to the school, read once by a member with a purpose.</summary>
    private async Task<SeededCase> Seed()
    {
        var @case = await Referral();
        @case = await Step(@case, "disclosures", Given.Disclosure(@case.Version));
        (await ApiGet($"/api/cases/{@case.Id}", Caller.BfuMember, MembersPurpose)).Status.ShouldBe(HttpStatusCode.OK);
        return @case;
    }

    [Fact]
    public async Task legal_sees_the_disclosures_and_the_access_log_with_danish_csv_and_reads_no_case()
    {
        var @case = await Seed();
        await SignIn(Role.Legal, null, "Lone Jurist");
        (await H1()).ShouldBe("Jura");
        await ShouldBeAccessible();

        // The disclosure log holds personal texts: it asks for a purpose first, and logs the read per case.
        await Page.GotoAsync("/jura/videregivelser");
        (await Page.Locator("#videregivelser").CountAsync()).ShouldBe(0);
        await Page.GetByLabel("Formål med at læse loggen").FillAsync("Kvartalsgennemgang af §115");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis videregivelserne" }).ClickAsync();
        var row = Page.Locator("#videregivelser tbody tr");
        (await row.CountAsync()).ShouldBe(1);
        var cells = await row.Locator("td").AllInnerTextsAsync();
        cells[1].ShouldBe(@case.Reference);
        cells.Skip(4).Take(6).ShouldBe(["Skole", "Hirtshals Skole", "school leader", "SSP", "§115, stk. 2", "Koordineret indsats"]);
        cells[11].ShouldBe("The school must know to support the pupil.");
        await ShouldBeAccessible();
        var (_, disclosuresCsv) = await Download(Page.GetByRole(AriaRole.Link, new() { Name = "Hent siden som CSV (til Excel)" }));
        disclosuresCsv.ShouldStartWith("\uFEFFTidspunkt;Sag;Videregivet af;Forvaltning;Modtagertype;");
        disclosuresCsv.ShouldContain($";{@case.Reference};bfu-member;BFU;Skole;Hirtshals Skole;school leader;SSP;§115, stk. 2;Koordineret indsats;Skole eller uddannelse;");

        // The access log: the member's read and legal's own two reads of the disclosure log (the page and its CSV), filtered by case.
        await Page.GotoAsync("/jura/adgangslog");
        await Page.GetByLabel("Sag (nummer som 2026-0042)").FillAsync(@case.Reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis adgangene" }).ClickAsync();
        var reads = await Page.Locator("#adgange tbody tr").AllInnerTextsAsync();
        reads.Count.ShouldBe(3);
        reads[0].ShouldContain("bfu-member");
        reads[0].ShouldContain(MembersPurpose);
        reads[1].ShouldContain("Videregivelsesloggen");
        reads[1].ShouldContain("Kvartalsgennemgang af §115");
        reads[2].ShouldContain("Videregivelsesloggen");
        await ShouldBeAccessible();
        var (accessName, accessCsv) = await Download(Page.GetByRole(AriaRole.Link, new() { Name = "Hent som CSV (til Excel)" }));
        accessName.ShouldBe("infohus-adgangslog.csv".Replace(".csv", $"-{@case.Reference}.csv"));
        accessCsv.ShouldStartWith("\uFEFFTidspunkt;Sag;Bruger;Rolle;Forvaltning;Læst;Formål\r\n");
        accessCsv.ShouldContain($";{@case.Reference};bfu-member;Medlem;BFU;Sagen;{MembersPurpose}\r\n");

        // The same log as the API's, entry for entry.
        var (_, api) = await ApiGet($"/api/access-log?caseId={@case.Id}", Caller.Legal, purpose: null);
        api!["total"]!.GetValue<long>().ShouldBe(3);

        // An access request: one case's reads, to hand over.
        await Page.GotoAsync("/jura/indsigt");
        await ShouldBeAccessible();
        await Page.GetByLabel("Sagens nummer").FillAsync(@case.Reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis sagens adgange" }).ClickAsync();
        (await Page.Locator("h2").First.InnerTextAsync()).ShouldBe($"3 læsninger af sag {@case.Reference}");
        await ShouldBeAccessible();

        // No case: the auditors' case page is case-read, and legal is not.
        (await Status($"/revision/sag/{@case.Id}")).ShouldBe(403);
        (await H1()).ShouldBe("Ingen adgang");
        (await Status($"/sager/{@case.Id}")).ShouldBe(403);
        (await Page.ContentAsync()).ShouldNotContain("A teacher is worried");
    }

    [Fact]
    public async Task the_erasure_is_confirmed_by_the_cases_number_and_refused_with_the_apis_reason()
    {
        var @case = await Seed();
        await SignIn(Role.Legal, null, "Lone Jurist");
        await Page.GotoAsync("/jura/sletning");
        await ShouldBeAccessible();

        await Page.GetByLabel("Sagens nummer").FillAsync(@case.Reference);
        await Page.GetByLabel("Den registreredes anmodning om sletning").CheckAsync();
        await Page.GetByLabel("Juridisk afdelings journalnummer (valgfrit)").FillAsync("J-2026-17");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Fortsæt til bekræftelse" }).ClickAsync();
        (await Page.Locator("#slet-sag").InnerTextAsync()).ShouldBe(@case.Reference);
        await ShouldBeAccessible();

        // Without the typed number nothing happens.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Slet personoplysningerne" }).ClickAsync();
        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain($"Skriv sagens nummer, {@case.Reference}, for at bekræfte.");
        await ShouldBeAccessible();
        (await ApiGet($"/api/cases/{@case.Id}", Caller.BfuMember)).Body!["personal"]!["erased"]!.GetValue<bool>().ShouldBeFalse();

        await Page.GetByLabel($"Skriv sagens nummer, {@case.Reference}, for at bekræfte").FillAsync(@case.Reference);
        await Page.GetByLabel("Jeg forstår, at personoplysningerne ikke kan genskabes.").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Slet personoplysningerne" }).ClickAsync();
        (await H1()).ShouldBe("Sletning af personoplysninger");
        (await Page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain($"Personoplysningerne i sag {@case.Reference} er slettet");

        // The API's erasure: the same event, with legal's reason and journal number.
        var read = await ApiGet($"/api/cases/{@case.Id}", Caller.BfuMember);
        read.Body!["personal"]!["erased"]!.GetValue<bool>().ShouldBeTrue();
        read.Body!["personal"]!["description"]!.GetValue<string>().ShouldBe("[erased]");
        var events = (await ApiGet($"/api/cases/{@case.Id}/events", Caller.Auditor)).Body!.AsArray();
        var erased = events[^1]!;
        erased["type"]!.GetValue<string>().ShouldBe("personal_data_erased");
        erased["data"]!["reason"]!.GetValue<string>().ShouldBe("DataSubjectRequest");
        erased["data"]!["reference"]!.GetValue<string>().ShouldBe("J-2026-17");
        erased["actor"]!.GetValue<string>().ShouldBe("dev-lone-jurist");

        // Once more: refused, with the API's own reason for the same request.
        await Page.GetByLabel("Sagens nummer").FillAsync(@case.Reference);
        await Page.GetByLabel("Oplysningerne er ikke længere nødvendige").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Fortsæt til bekræftelse" }).ClickAsync();
        await Page.GetByLabel($"Skriv sagens nummer, {@case.Reference}, for at bekræfte").FillAsync(@case.Reference);
        await Page.GetByLabel("Jeg forstår, at personoplysningerne ikke kan genskabes.").CheckAsync();
        var version = long.Parse((await Page.Locator("input[name=Version]").InputValueAsync())!);
        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Slet personoplysningerne" }).ClickAsync(),
            r => r.Request.Method == "POST");
        response.Status.ShouldBe(409);
        var (status, problem) = await ApiPost($"/api/cases/{@case.Id}/erasure", new ErasePersonalData(version, ErasureReason.NoLongerNecessary), Caller.Legal);
        status.ShouldBe(HttpStatusCode.Conflict);
        (await Page.Locator("#fejlopsummering .refusal-reason").InnerTextAsync()).ShouldEndWith(problem!["detail"]!.GetValue<string>());
        await ShouldBeAccessible();
        (await ApiGet($"/api/cases/{@case.Id}/events", Caller.Auditor)).Body!.AsArray().Count.ShouldBe(events.Count, "nothing appended");
    }

    [Fact]
    public async Task legal_sees_the_verification_of_the_history()
    {
        await Seed();
        await SignIn(Role.Legal, null, "Lone Jurist");
        await Page.GotoAsync("/jura/verifikation");

        (await Page.Locator("#verifikation-status").InnerTextAsync()).ShouldContain("Historikken er intakt");
        (await Page.Locator(".facts").InnerTextAsync()).ShouldContain("Hændelser");
        await ShouldBeAccessible();
    }
}
