using Infohus.Api.Meetings;
using Infohus.EventStore.Meetings;

namespace Infohus.Specs.Api.Meetings;

public class when_the_infohus_meets(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_agenda_lists_exactly_the_cases_awaiting_assessment()
    {
        var fresh = await Host.ReferralFromEmployee();
        var interviewed = await Host.InterviewedReferral();
        var citizen = await Host.Referral(Given.CitizenReferral(16), Caller.SspConsultant);
        await Host.AssessedReferral(PreventionTier.Specific);
        await Host.NotExtremismReferral();
        var reopened = await Host.ClosedCase();
        reopened = await Host.Step(reopened, "reopening", new ReopenCase(reopened.Version, "New information"));
        await Host.ClosedCase();

        var meeting = await Host.Post("/api/meetings", new CallMeeting(MeetingKind.Monthly, new DateOnly(2026, 12, 3), [Department.Bfu, Department.Police]), Caller.SspConsultant);
        meeting.Status.ShouldBe(HttpStatusCode.Created, meeting.ToString());

        var agenda = await Host.Get($"/api/meetings/{meeting.Id}/agenda", Caller.BfuMember);

        agenda.Status.ShouldBe(HttpStatusCode.OK, agenda.ToString());
        agenda.Body!["awaitingAssessment"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>())
            .ShouldBe([fresh.Id, interviewed.Id, citizen.Id, reopened.Id], ignoreOrder: true);
        agenda.Body!["meeting"]!["kind"]!.GetValue<string>().ShouldBe("monthly");
    }

    [Fact]
    public async Task an_assessment_names_the_meeting_it_was_made_at()
    {
        var meeting = await Host.Post("/api/meetings", new CallMeeting(MeetingKind.AdHoc, new DateOnly(2026, 11, 25), [Department.Bfu]), Caller.BfuMember);
        var @case = await Host.InterviewedReferral();

        await Host.Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu], "acute", PreventionTier.Targeted, MeetingId: meeting.Id));

        var assessed = (await Host.StoredEvents(@case.Id)).Select(e => e.Data).OfType<ConcernAssessed>().Single();
        assessed.MeetingId.ShouldBe(meeting.Id);
        (await Host.Post(@case.Url("assessment"), new AssessConcern(@case.Version + 1, true, [Department.Bfu], "low", PreventionTier.General, MeetingId: Guid.NewGuid()), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_half_year_report_shows_whether_the_infohus_met_every_month()
    {
        foreach (var (kind, month) in new[] { (MeetingKind.Monthly, 1), (MeetingKind.Monthly, 2), (MeetingKind.AdHoc, 2), (MeetingKind.Monthly, 3), (MeetingKind.Monthly, 4), (MeetingKind.Monthly, 6) })
            (await Host.Post("/api/meetings", new CallMeeting(kind, new DateOnly(2026, month, 10), [Department.Bfu]), Caller.SspConsultant)).Status.ShouldBe(HttpStatusCode.Created);

        var report = await Host.Get("/api/statistics/half-years/2026/1", Caller.Steering);

        report.Body!["meetings"]!.AsArray().Select(m => (m!["month"]!.GetValue<string>(), m["monthly"]!.GetValue<int>(), m["adHoc"]!.GetValue<int>()))
            .ShouldBe([("2026-01", 1, 0), ("2026-02", 1, 1), ("2026-03", 1, 0), ("2026-04", 1, 0), ("2026-05", 0, 0), ("2026-06", 1, 0)]);
        report.Body!["metEveryMonth"]!.GetValue<bool>().ShouldBeFalse("no meeting in May");
    }
}
