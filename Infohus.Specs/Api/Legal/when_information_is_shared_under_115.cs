using Infohus.Api.Cases.Disclosing;

namespace Infohus.Specs.Api.Legal;

public class when_information_is_shared_under_115(InfohusApp app) : ApiSpec(app)
{
    private static DiscloseInformation Disclosure(long version, RecipientType recipient = RecipientType.School, Provision provision = Provision.Stk2,
        DisclosurePurpose purpose = DisclosurePurpose.CoordinatedEffort, string recipientName = "Hirtshals Skole") =>
        new(version, new Recipient(recipient, recipientName, "school leader"), new LegalBasis(Cooperation.Ssp, provision, purpose),
            [DataCategory.Identity, DataCategory.ConcernDescription], "The school must know to follow the pupil's attendance.");

    [Fact]
    public async Task an_allowed_disclosure_is_on_the_case_in_the_timeline_and_in_legals_log()
    {
        var @case = await Host.InterviewedReferral();

        var answer = await Host.Post(@case.Url("disclosures"), Disclosure(@case.Version), Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var disclosureId = answer.Body!["disclosureId"]!.GetValue<Guid>();
        var log = await Host.Get($"/api/disclosures?caseId={@case.Id}", Caller.Legal);
        var line = log.Body!["items"]!.AsArray().ShouldHaveSingleItem()!;
        line["disclosureId"]!.GetValue<Guid>().ShouldBe(disclosureId);
        line["disclosedBy"]!["userId"]!.GetValue<string>().ShouldBe("bfu-member");
        line["recipient"]!["type"]!.GetValue<string>().ShouldBe("school");
        line["recipient"]!["name"]!.GetValue<string>().ShouldBe("Hirtshals Skole");
        line["basis"]!["provision"]!.GetValue<string>().ShouldBe("stk2");
        line["basis"]!["purpose"]!.GetValue<string>().ShouldBe("coordinated-effort");
        line["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["identity", "concern-description"]);
        line["necessity"]!.GetValue<string>().ShouldBe("The school must know to follow the pupil's attendance.");

        var timeline = (await Host.Get(@case.Url("timeline"), Caller.BfuMember)).Body!.AsArray();
        timeline.Last()!["sentence"]!.GetValue<string>().ShouldStartWith("Information disclosed under §115 stk2 to Hirtshals Skole");
    }

    public static TheoryData<string, RecipientType, Provision, DisclosurePurpose, string> Refused() => new()
    {
        { "a private person", RecipientType.PrivatePerson, Provision.Stk2, DisclosurePurpose.CrimePrevention, "bfu-member" },
        { "the press", RecipientType.Press, Provision.Stk2, DisclosurePurpose.CrimePrevention, "bfu-member" },
        { "an employer", RecipientType.Employer, Provision.Stk2, DisclosurePurpose.CrimePrevention, "bfu-member" },
        { "the investigation of a criminal case", RecipientType.Police, Provision.Stk2, DisclosurePurpose.CriminalInvestigation, "bfu-member" },
        { "stk. 1 by a municipal member", RecipientType.School, Provision.Stk1, DisclosurePurpose.CrimePrevention, "bfu-member" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task a_disclosure_outside_115_is_a_422_with_the_reason_and_appends_nothing(
        string what, RecipientType recipient, Provision provision, DisclosurePurpose purpose, string by)
    {
        var @case = await Host.InterviewedReferral();
        var caller = by == "bfu-member" ? Caller.BfuMember : Caller.PoliceMember;

        var answer = await Host.Post(@case.Url("disclosures"), Disclosure(@case.Version, recipient, provision, purpose), caller);

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity, what);
        answer.Detail.ShouldContain("§115");
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    [Fact]
    public async Task under_stk_1_the_police_discloses()
    {
        var @case = await Host.InterviewedReferral();

        var answer = await Host.Post(@case.Url("disclosures"), Disclosure(@case.Version, RecipientType.MunicipalSocialServices, Provision.Stk1), Caller.PoliceMember);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
    }

    [Fact]
    public async Task the_log_filters_by_recipient_and_period_and_exports_csv()
    {
        var @case = await Host.InterviewedReferral();
        var first = await Host.Post(@case.Url("disclosures"), Disclosure(@case.Version, recipientName: "Jobcenter Hjørring", recipient: RecipientType.Employment), Caller.AuMember);
        await Host.Post(@case.Url("disclosures"), Disclosure(first.Version, recipientName: "Sindal Skole"), Caller.BfuMember);

        var jobcentre = await Host.Get("/api/disclosures?recipient=jobcenter", Caller.Auditor);
        jobcentre.Body!["items"]!.AsArray().Select(i => i!["recipient"]!["name"]!.GetValue<string>()).ShouldBe(["Jobcenter Hjørring"]);
        var none = await Host.Get("/api/disclosures?to=2020-01-01T00:00:00Z", Caller.Legal);
        none.Body!["total"]!.GetValue<long>().ShouldBe(0);

        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/disclosures");
            s.WithRequestHeader("Accept", "text/csv");
            s.WithRequestHeader("X-Purpose", "legal review of 2026");
            s.WithRequestHeader("Authorization", $"Bearer {Host.TokenFor(Caller.Legal)}");
        });
        var lines = (await result.ReadAsTextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split(';')[0].ShouldBe("disclosureId");
        lines.Length.ShouldBe(3);
        lines.ShouldContain(l => l.Contains(";Jobcenter Hjørring;"));
    }

    [Fact]
    public async Task reading_the_log_needs_a_purpose_and_is_itself_in_the_access_log()
    {
        var @case = await Host.InterviewedReferral();
        await Host.Step(@case, "disclosures", Disclosure(@case.Version));

        (await Host.Get("/api/disclosures", Caller.Legal, purpose: null)).Status.ShouldBe(HttpStatusCode.BadRequest);
        await Host.Get("/api/disclosures", Caller.Legal, "quarterly §115 review");

        var access = await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Auditor);
        access.Body!["items"]!.AsArray().Select(e => (e!["userId"]!.GetValue<string>(), e["endpoint"]!.GetValue<string>(), e["purpose"]!.GetValue<string>()))
            .ShouldBe([("legal", "GET /api/disclosures", "quarterly §115 review")]);
    }

    [Fact]
    public async Task members_and_the_steering_group_do_not_read_the_disclosure_log()
    {
        (await Host.Get("/api/disclosures", Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Get("/api/disclosures", Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
