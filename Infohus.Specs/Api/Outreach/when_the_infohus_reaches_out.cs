using Infohus.Api.Hosting;
using Infohus.Api.Outreach;
using Infohus.EventStore.Outreach;
using Marten;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task a_count_past_a_plausible_meeting_is_a_400_naming_the_bound_and_the_bound_itself_is_accepted()
    {
        var date = new DateOnly(2026, 2, 1);

        var crowd = await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(date, OutreachRules.MaxParticipants + 1, 10, Department.Bfu), Caller.BfuMember);
        var cards = await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(date, 10, OutreachRules.MaxActionCards + 1, Department.Bfu), Caller.BfuMember);
        var overflow = await Host.PostRaw("/api/outreach/meetings", """{"date": "2026-02-01", "participants": 2147483647, "actionCards": 2147483647, "department": "bfu"}""", Caller.BfuMember);

        crowd.Status.ShouldBe(HttpStatusCode.BadRequest);
        crowd.Detail.ShouldContain($"1 to {OutreachRules.MaxParticipants}");
        cards.Status.ShouldBe(HttpStatusCode.BadRequest);
        cards.Detail.ShouldContain($"0 to {OutreachRules.MaxActionCards}");
        overflow.Status.ShouldBe(HttpStatusCode.BadRequest);
        overflow.Detail.ShouldContain(InputLimits.MaxNumber.ToString());
        (await Host.StoredEventCount()).ShouldBe(0);
        (await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(date, OutreachRules.MaxParticipants, OutreachRules.MaxActionCards, Department.Bfu), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task meetings_stored_with_huge_counts_before_the_bound_leave_the_report_readable_and_a_correction_puts_them_right()
    {
        // Two meetings recorded before counts were bounded, each as large as an int holds: their sum
        // overflowed, and the report was a 500 for every role, for good.
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var recorder = new MemberRef(Caller.BfuMember.Subject, Role.Member, Department.Bfu);
            session.Events.StartStream(first, new OutreachMeetingHeld(first, new DateOnly(2026, 2, 1), Department.Bfu, null, int.MaxValue, int.MaxValue, recorder));
            session.Events.StartStream(second, new OutreachMeetingHeld(second, new DateOnly(2026, 3, 1), Department.Bfu, null, int.MaxValue, int.MaxValue, recorder));
            await session.SaveChangesAsync();
        }
        (await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(new DateOnly(2026, 4, 1), 30, 25, Department.Bfu), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Created);

        foreach (var reader in new[] { Caller.Steering, Caller.Auditor, Caller.SspConsultant })
            Bfu(await Host.Get("/api/statistics/half-years/2026/1", reader)).ShouldBe((3, 2L * int.MaxValue + 30, 2L * int.MaxValue + 25), reader.ToString());

        var corrected = await Host.Post($"/api/outreach/meetings/{first}/correction", new CorrectOutreachMeeting(40, 40, "40 people, not 2147483647"), Caller.BfuMember);
        corrected.Status.ShouldBe(HttpStatusCode.OK, corrected.ToString());
        Bfu(await Host.Get("/api/statistics/half-years/2026/1", Caller.Steering)).ShouldBe((3, int.MaxValue + 40L + 30, int.MaxValue + 40L + 25));

        (await Host.Post($"/api/outreach/meetings/{second}/correction", new CorrectOutreachMeeting(12, 0, "a typo"), Caller.SspConsultant)).Status.ShouldBe(HttpStatusCode.OK);
        (await Host.Post($"/api/outreach/meetings/{first}/correction", new CorrectOutreachMeeting(35, 20, "counted again"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.OK);
        Bfu(await Host.Get("/api/statistics/half-years/2026/1", Caller.Steering)).ShouldBe((3, 35L + 12 + 30, 20L + 0 + 25), "the latest correction of each meeting counts");

        var history = await Host.StoredEvents(first);
        history.Select(e => e.Data.GetType()).ShouldBe([typeof(OutreachMeetingHeld), typeof(OutreachMeetingCorrected), typeof(OutreachMeetingCorrected)]);
        history[0].Data.ShouldBeOfType<OutreachMeetingHeld>().Participants.ShouldBe(int.MaxValue, "the recorded event is never changed");
        history[1].Data.ShouldBeOfType<OutreachMeetingCorrected>().CorrectedBy.UserId.ShouldBe(Caller.BfuMember.Subject);
    }

    [Fact]
    public async Task each_recorded_item_is_named_by_its_location_and_reads_back_coded_with_its_latest_correction()
    {
        var meeting = await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(new DateOnly(2026, 2, 1), 30, 25, Department.Au), Caller.BfuMember);
        var advice = await Host.Post("/api/outreach/advice",
            new GiveAdvice(new DateOnly(2026, 2, 2), AdviceTopic.WhetherToRefer, ReferrerOrganisation.School, AdviceOutcome.AdviceGiven), Caller.SspConsultant);
        var newsletter = await Host.Post("/api/outreach/newsletters", new SendNewsletter(new DateOnly(2026, 2, 3), "all staff"), Caller.SspConsultant);
        var course = await Host.Post("/api/outreach/courses", new TakeCourse(new DateOnly(2026, 2, 4), "Radicalisation", CourseProvider.Siri), Caller.PoliceMember);
        foreach (var created in new[] { meeting, advice, newsletter, course })
        {
            created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
            created.Location.ShouldBe($"/api/outreach/{created.Body!["id"]!.GetValue<Guid>()}", "a creation names what it created");
        }

        var meetingId = meeting.Body!["id"]!.GetValue<Guid>();
        (await Host.Post($"/api/outreach/meetings/{meetingId}/correction", new CorrectOutreachMeeting(28, 20, "two left early"), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.OK);
        var read = await Host.Get(meeting.Location!, Caller.AuMember);
        read.Status.ShouldBe(HttpStatusCode.OK, read.ToString());
        read.Body!["kind"]!.GetValue<string>().ShouldBe("meeting");
        read.Body["participants"]!.GetValue<int>().ShouldBe(28, "the latest correction counts");
        read.Body["actionCards"]!.GetValue<int>().ShouldBe(20);
        read.Body["version"]!.GetValue<long>().ShouldBe(2);
        read.Body.ToJsonString().ShouldNotContain(Caller.BfuMember.Subject, customMessage: "outreach is counted, not attributed");

        var adviceRead = await Host.Get(advice.Location!, Caller.BfuMember);
        adviceRead.Body!["topic"]!.GetValue<string>().ShouldBe("whether-to-refer");
        adviceRead.Body["outcome"]!.GetValue<string>().ShouldBe("advice-given");
        (await Host.Get(course.Location!, Caller.BfuMember)).Body!["provider"]!.GetValue<string>().ShouldBe("siri");

        var aCase = await Host.Post("/api/cases", Given.EmployeeReferral(), Caller.BfuMember);
        (await Host.Get($"/api/outreach/{aCase.Body!["id"]!.GetValue<Guid>()}", Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.NotFound, "a case is no outreach record");
        (await Host.Get($"/api/outreach/{Guid.NewGuid()}", Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Host.Get(meeting.Location!, Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_correction_is_a_members_on_an_outreach_meeting_with_plausible_figures_and_a_reason()
    {
        var meeting = await Host.Post("/api/outreach/meetings", new HoldOutreachMeeting(new DateOnly(2026, 2, 1), 30, 25, null, InstitutionType.YouthEducation), Caller.BfuMember);
        var @case = await Host.ReferralFromEmployee();
        var events = await Host.StoredEventCount();
        var url = $"/api/outreach/meetings/{meeting.Id}/correction";

        (await Host.Post(url, new CorrectOutreachMeeting(20, 20, "recount"), Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Post(url, new CorrectOutreachMeeting(20, 20, "recount"), Caller.Auditor)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Post(url, new CorrectOutreachMeeting(0, 20, "recount"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Post(url, new CorrectOutreachMeeting(20, OutreachRules.MaxActionCards + 1, "recount"), Caller.BfuMember)).Detail.ShouldContain($"0 to {OutreachRules.MaxActionCards}");
        (await Host.Post(url, new CorrectOutreachMeeting(20, 20, " "), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.BadRequest);
        // Only an outreach meeting's stream takes a correction: never a case's, never a new stream.
        (await Host.Post($"/api/outreach/meetings/{@case.Id}/correction", new CorrectOutreachMeeting(20, 20, "recount"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Host.Post($"/api/outreach/meetings/{Guid.NewGuid()}/correction", new CorrectOutreachMeeting(20, 20, "recount"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.NotFound);

        (await Host.StoredEventCount()).ShouldBe(events, "no refused correction appends anything");
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    private static (int Meetings, long Participants, long ActionCards) Bfu(Answer report)
    {
        report.Status.ShouldBe(HttpStatusCode.OK, report.ToString());
        var line = report.Body!["outreach"]!["byDepartment"]!.AsArray().Single(l => l!["audience"]!.GetValue<string>() == "bfu")!;
        return (line["meetings"]!.GetValue<int>(), line["participants"]!.GetValue<long>(), line["actionCards"]!.GetValue<long>());
    }
}
