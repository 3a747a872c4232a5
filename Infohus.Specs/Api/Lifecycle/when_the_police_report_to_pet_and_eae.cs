using Infohus.Api.Cases.Assessing;

namespace Infohus.Specs.Api.Lifecycle;

/// <summary>§4.3 I: the local police reports to PET/EAE; §2.1: "Infohus Nordjylland underrettes via EAE".</summary>
public class when_the_police_report_to_pet_and_eae(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_case_records_that_infohus_nordjylland_was_informed_through_eae()
    {
        var @case = await Host.AssessedReferral(PreventionTier.Targeted, "high");

        var reported = await Host.Step(@case, "pet-eae-report", new ReportToPetEae(@case.Version), Caller.PoliceMember);

        reported.Version.ShouldBe(@case.Version + 2);
        var stored = (await Host.StoredEvents(@case.Id)).Skip((int)@case.Version).Select(e => e.Data).ToList();
        stored[0].ShouldBeOfType<ReportedToPetEae>();
        var informed = stored[1].ShouldBeOfType<RegionalInfohusInformed>();
        (informed.Via, informed.InformedBy.UserId).ShouldBe((RegionalInfohusInformed.ThroughEae, Caller.PoliceMember.Subject));
        var timeline = (await Host.Get(@case.Url("timeline"), Caller.BfuMember)).Body!.AsArray();
        timeline.Last()!["sentence"]!.GetValue<string>().ShouldBe("Infohus Nordjylland informed through EAE with the report.");
        timeline.Last()!["department"]!.GetValue<string>().ShouldBe("police");
    }

    [Fact]
    public async Task a_refused_report_informs_no_one()
    {
        var @case = await Host.AssessedReferral(PreventionTier.Targeted, "high");

        (await Host.Post(@case.Url("pet-eae-report"), new ReportToPetEae(@case.Version), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Forbidden);

        (await Host.StoredEvents(@case.Id)).Select(e => e.Data).OfType<RegionalInfohusInformed>().ShouldBeEmpty();
    }
}
