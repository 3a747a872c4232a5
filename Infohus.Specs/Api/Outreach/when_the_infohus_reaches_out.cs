using Infohus.Api.Outreach;
using Infohus.EventStore.Outreach;

namespace Infohus.Specs.Api.Outreach;

public class when_the_infohus_reaches_out(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_half_year_report_counts_meetings_people_reached_newsletters_and_courses_from_the_inputs()
    {
        var random = new Random(3305);
        var meetings = new List<HoldOutreachMeeting>();
        for (var i = 0; i < 40; i++)
        {
            var date = new DateOnly(2025, 12, 1).AddDays(random.Next(0, 240));
            var internalMeeting = random.Next(2) == 0;
            var meeting = new HoldOutreachMeeting(date, random.Next(1, 60), random.Next(0, 60),
                internalMeeting ? Enum.GetValues<Department>()[random.Next(4)] : null,
                internalMeeting ? null : Enum.GetValues<InstitutionType>()[random.Next(7)]);
            meetings.Add(meeting);
            (await Host.Post("/api/outreach/meetings", meeting, Caller.SspConsultant)).Status.ShouldBe(HttpStatusCode.Created);
        }
        foreach (var date in new[] { new DateOnly(2026, 2, 1), new DateOnly(2026, 9, 1), new DateOnly(2025, 11, 1) })
            (await Host.Post("/api/outreach/newsletters", new SendNewsletter(date, "all staff in BFU, SÆH and AU"), Caller.SspConsultant)).Status.ShouldBe(HttpStatusCode.Created);
        foreach (var (date, provider) in new[] { (new DateOnly(2026, 3, 5), CourseProvider.Ncfe), (new DateOnly(2026, 4, 5), CourseProvider.Ncfe), (new DateOnly(2026, 5, 5), CourseProvider.Siri), (new DateOnly(2026, 8, 5), CourseProvider.InfohusNordjylland) })
            (await Host.Post("/api/outreach/courses", new TakeCourse(date, "Radicalisation and extremism", provider), Caller.PoliceMember)).Status.ShouldBe(HttpStatusCode.Created);

        var report = await Host.Get("/api/statistics/half-years/2026/1", Caller.Steering);

        var outreach = report.Body!["outreach"]!;
        var inHalf = meetings.Where(m => m.Date >= new DateOnly(2026, 1, 1) && m.Date < new DateOnly(2026, 7, 1)).ToList();
        var byDepartment = outreach["byDepartment"]!.AsArray().ToDictionary(l => l!["audience"]!.GetValue<string>(), l => (l!["meetings"]!.GetValue<int>(), l["participants"]!.GetValue<int>(), l["actionCards"]!.GetValue<int>()));
        var expectedByDepartment = inHalf.Where(m => m.Department is not null).GroupBy(m => m.Department!.Value.ToString().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(m => m.Participants), g.Sum(m => m.ActionCards)));
        byDepartment.ShouldBe(expectedByDepartment, ignoreOrder: true);
        var institutions = outreach["byInstitution"]!.AsArray().Sum(l => l!["participants"]!.GetValue<int>());
        institutions.ShouldBe(inHalf.Where(m => m.Institution is not null).Sum(m => m.Participants));
        outreach["newslettersInYear"]!.GetValue<int>().ShouldBe(2, "February and September 2026; November 2025 is another year");
        outreach["newsletterTargetMet"]!.GetValue<bool>().ShouldBeFalse();
        outreach["courses"]!.AsArray().Select(c => (c!["provider"]!.GetValue<string>(), c["courses"]!.GetValue<int>()))
            .ShouldBe([("ncfe", 2), ("siri", 1)]);
    }

    [Fact]
    public async Task an_outreach_meeting_is_internal_or_external_and_needs_participants()
    {
        (await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(new DateOnly(2026, 1, 5), 10, 10), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(new DateOnly(2026, 1, 5), 0, 10, Department.Au), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(new DateOnly(2026, 1, 5), 10, 10, Department.Au), Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
