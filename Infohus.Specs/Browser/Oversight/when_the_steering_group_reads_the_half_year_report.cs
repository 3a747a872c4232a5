using Infohus.Specs.Browser.Support;
using Microsoft.Playwright;

namespace Infohus.Specs.Browser.Oversight;

public class when_the_steering_group_reads_the_half_year_report(BrowserApp app) : OversightSpec(app)
{
    /// <summary>The half-year the referrals fall in: the current one, in Danish time (the page's default).</summary>
    private static (int Year, int Half) Now()
    {
        var today = Infohus.Api.Web.Dansk.Local(DateTimeOffset.UtcNow);
        return (today.Year, today.Month <= 6 ? 1 : 2);
    }

    private static string Title => $"Halvårsrapport, {Now().Half}. halvår {Now().Year}";

    /// <summary>
    /// Eleven referrals, two of them assessed as a moderate concern: that count is small (&lt;5), so the
    /// nine not yet assessed are withheld (..), or the total would give the two away.
    /// </summary>
    private async Task<SeededCase> Seed()
    {
        SeededCase first = null!;
        for (var i = 0; i < 2; i++)
        {
            var @case = await Referral();
            @case = await Step(@case, "manager-informed", new InformManager(@case.Version));
            @case = await Step(@case, "interview", new HoldInterview(@case.Version, true, true));
            await Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu, Department.Police], "moderate", PreventionTier.Specific));
        }
        for (var i = 0; i < 9; i++) first = await Referral(i % 3 == 0 ? Given.CitizenReferral(16) : null);
        await RegisterCaughtUp();
        return first;
    }

    [Fact]
    public async Task each_chart_shows_its_tables_figures_with_hidden_cells_as_in_the_table_and_the_csv_and_the_print_say_the_same()
    {
        await Seed();
        await SignIn(Role.Steering, null, "Susanne Styregruppe");

        (await H1()).ShouldBe(Title);
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" });
        (await menu.GetByRole(AriaRole.Link).AllInnerTextsAsync()).ShouldBe(["Halvårsrapport", "Statistik"]);

        var charts = Page.Locator("svg.bar-chart[role=img]");
        (await charts.CountAsync()).ShouldBeGreaterThanOrEqualTo(8, "the seven protected tables, the meetings and the advice");
        foreach (var chart in await charts.AllAsync())
        {
            var id = (await chart.GetAttributeAsync("id"))!.Replace("-diagram", "");
            (await chart.Locator("title").TextContentAsync()).ShouldNotBeNullOrEmpty();
            // The bars carry exactly the table's last column (the count, or a two-dimension table's row total).
            var bars = await chart.Locator(".bar-value").AllTextContentsAsync();
            var table = await Page.Locator($"#{id}-tabel tbody tr td:last-child").AllInnerTextsAsync();
            bars.ShouldBe(table, $"chart {id}");
        }

        var levels = Page.Locator("section", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Bekymringsniveau ved vurderingen" }) });
        var rows = levels.Locator("table tbody tr");
        (await rows.Filter(new() { HasText = "Moderat (inden for 7 dage)" }).Locator("td").Last.InnerTextAsync()).ShouldBe("<5");
        (await rows.Filter(new() { HasText = "Ikke vurderet" }).Locator("td").Last.InnerTextAsync()).ShouldBe("..");
        var chartOfLevels = levels.Locator("svg.bar-chart");
        (await chartOfLevels.Locator(".bar-value[data-value='<5']").CountAsync()).ShouldBe(1);
        (await chartOfLevels.Locator(".bar-value[data-value='..']").CountAsync()).ShouldBe(1);
        (await chartOfLevels.Locator("rect.bar").CountAsync()).ShouldBe(0, "a hidden count gets no bar (its length would tell it), and the shown ones are zeros");
        (await chartOfLevels.Locator("rect.bar-hidden").CountAsync()).ShouldBe(2);
        (await levels.Locator("tfoot td").Last.InnerTextAsync()).ShouldBe("11");

        await ShouldBeAccessible();
        await Screenshot("halvaarsrapport");

        // The download: the page's Danish words, never codes, and the API's figures.
        var (name, csv) = await Download(Page.GetByRole(AriaRole.Link, new() { Name = "Hent rapporten som CSV (til Excel)" }));

        name.ShouldStartWith("infohus-halvaarsrapport-");
        csv.ShouldStartWith($"\uFEFF{Title}\r\n");
        csv.ShouldContain("\r\nHenvendelser efter afsender og forebyggelsesniveau\r\nAfsender / Forebyggelsesniveau;");
        csv.ShouldContain("\r\nBekymringsniveau ved vurderingen\r\nBekymringsniveau;Henvendelser\r\n");
        csv.ShouldContain("\r\nModerat (inden for 7 dage);<5\r\n");
        csv.ShouldContain("\r\nIkke vurderet;..\r\n");
        csv.ShouldContain("\r\nI alt;");
        foreach (var code in new[] { "employee", "citizen", "national-hotline", "concernLevel", "none", "total", "referrals" })
            System.Text.RegularExpressions.Regex.IsMatch(csv, $"(^|;|\r\n){System.Text.RegularExpressions.Regex.Escape(code)}(;|\r\n)")
                .ShouldBeFalse($"the code {code} is shown in Danish on the page and in its CSV");

        // The same figures as the API's report, cell for cell.
        var (status, report) = await ApiGet($"/api/statistics/half-years/{Now().Year}/{Now().Half}", Caller.Steering, purpose: null);
        status.ShouldBe(HttpStatusCode.OK);
        var statusTable = report!["tables"]!.AsArray().Single(t => t!["dimensions"]![0]!.GetValue<string>() == "status")!;
        var open = statusTable["rows"]!.AsArray().Single(r => r!["label"]!.GetValue<string>() == "open")!["cells"]![0]!.GetValue<string>();
        csv.ShouldContain($"\r\nÅben;{open}\r\n");

        // Printed: A4 less the print stylesheet's 15 mm margins is 180 mm, 680 CSS pixels.
        await Page.SetViewportSizeAsync(680, 962);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });

        (await Page.Locator("nav[aria-label=Hovedmenu]").IsVisibleAsync()).ShouldBeFalse();
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Hent rapporten som CSV (til Excel)" }).IsVisibleAsync()).ShouldBeFalse();
        (await Page.Locator("form.period-form").IsVisibleAsync()).ShouldBeFalse();
        var printed = await Page.Locator("svg.bar-chart").AllAsync();
        printed.Count.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var chart in printed)
        {
            (await chart.IsVisibleAsync()).ShouldBeTrue();
            (await chart.BoundingBoxAsync())!.Width.ShouldBeLessThanOrEqualTo(680);
        }
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "nothing is cut off at the right edge of an A4 page");
        (await Page.Locator("text=<5").First.IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task the_steering_group_gets_no_case_page()
    {
        var @case = await Referral();
        await SignIn(Role.Steering, null, "Susanne Styregruppe");

        (await Status($"/revision/sag/{@case.Id}")).ShouldBe(403);
        (await H1()).ShouldBe("Ingen adgang");
        (await Page.ContentAsync()).ShouldNotContain(@case.Reference);
        await ShouldBeAccessible();

        // The members' case page (the foundation's /sager folder is case work): never a case for the steering group.
        (await Status($"/sager/{@case.Id}")).ShouldBe(403);
        (await Page.ContentAsync()).ShouldNotContain(@case.Reference);
        (await Status("/jura/adgangslog")).ShouldBe(403);
    }

    [Fact]
    public async Task the_statistics_page_counts_one_or_two_dimensions_of_a_half_year()
    {
        await Seed();
        await SignIn(Role.Steering, null, "Susanne Styregruppe");
        await Page.GotoAsync("/styregruppe/statistik");
        await ShouldBeAccessible();

        await Page.GetByLabel("Fordelt på").SelectOptionAsync("source");
        await Page.GetByLabel("Og på (valgfrit)").SelectOptionAsync("status");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis statistikken" }).ClickAsync();

        (await Page.Locator("#statistik-h").InnerTextAsync()).ShouldContain("efter afsender og status");
        (await Page.Locator("#statistik-tabel thead th").AllInnerTextsAsync()).ShouldBe(["Afsender / Status", "Åben", "Lukket", "I alt"]);
        (await Page.Locator("#statistik-tabel tfoot td").Last.InnerTextAsync()).ShouldBe("11");
        (await Page.Locator("#statistik-diagram .bar-value").AllTextContentsAsync())
            .ShouldBe(await Page.Locator("#statistik-tabel tbody tr td:last-child").AllInnerTextsAsync());
        await ShouldBeAccessible();
        var (_, csv) = await Download(Page.GetByRole(AriaRole.Link, new() { Name = "Hent tabellen som CSV (til Excel)" }));
        csv.ShouldContain("\r\nAfsender / Status;Åben;Lukket;I alt\r\n");
        csv.ShouldContain("\r\nI alt;11;0;11\r\n");

        await Page.GetByLabel("Og på (valgfrit)").SelectOptionAsync("source");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis statistikken" }).ClickAsync();
        (await Page.Locator("#fejlopsummering").InnerTextAsync()).ShouldContain("Vælg to forskellige emner");
        await ShouldBeAccessible();
    }
}
