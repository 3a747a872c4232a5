using Infohus.Api.Meetings;
using Infohus.EventStore.Meetings;

namespace Infohus.Specs.Api.Deadlines;

/// <summary>§4: the staircase decides how fast to react; §3.1: an acute case cannot wait for the monthly meeting.</summary>
public class when_a_referral_is_triaged_at_intake(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task an_acute_first_level_is_due_the_same_day_and_is_on_the_agenda_for_an_ad_hoc_meeting()
    {
        var @case = await Host.Referral(Given.EmployeeReferral() with { FirstConcern = new FirstConcern("acute", TriageSource.Referrer) });
        var calm = await Host.Referral(Given.EmployeeReferral() with { FirstConcern = new FirstConcern("moderate") });

        @case.Version.ShouldBe(2);
        var stored = (await Host.StoredEvents(@case.Id)).Select(e => e.Data).ToList();
        var received = stored.OfType<ReferralReceived>().Single();
        var triaged = stored.OfType<IntakeTriaged>().Single();
        triaged.AssessmentDueAt.ShouldBe(received.ReceivedAt + TimeSpan.FromHours(8));
        triaged.AdHocMeeting.ShouldBeTrue();
        triaged.GivenBy.ShouldBe(TriageSource.Referrer);

        var row = (await Host.Get("/api/cases", Caller.BfuMember)).Body!["items"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == @case.Id)!;
        row["dueAt"]!.GetValue<DateTimeOffset>().ShouldBe(triaged.AssessmentDueAt);
        row["adHocMeeting"]!.GetValue<bool>().ShouldBeTrue();

        var timeline = (await Host.Get(@case.Url("timeline"), Caller.BfuMember)).Body!.AsArray();
        timeline.Last()!["sentence"]!.GetValue<string>().ShouldStartWith("First concern level at intake, given by the referrer: acute;");

        var meeting = await Host.Post("/api/meetings", new CallMeeting(MeetingKind.AdHoc, new DateOnly(2026, 11, 25), [Department.Bfu, Department.Police]), Caller.SspConsultant);
        var agenda = await Host.Get($"/api/meetings/{meeting.Id}/agenda", Caller.BfuMember);
        agenda.Body!["adHoc"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ShouldBe([@case.Id]);
        agenda.Body!["awaitingAssessment"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ShouldBe([@case.Id, calm.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task an_acute_intake_not_assessed_the_same_day_misses_its_deadline_and_is_on_the_overdue_list()
    {
        // Received nine hours ago as acute: its eight-hour deadline has passed, long before the 31-day default.
        var @case = await Host.Referral(Given.EmployeeReferral() with
        {
            OccurredAt = DateTimeOffset.UtcNow.AddHours(-9), FirstConcern = new FirstConcern("acute")
        });

        await Waiting.Until(async () => (await Host.StoredEvents(@case.Id)).Any(e => e.Data is ReactionDeadlineMissed), "the triaged due time's alarm");

        var missed = (await Host.StoredEvents(@case.Id)).Select(e => e.Data).OfType<ReactionDeadlineMissed>().ShouldHaveSingleItem();
        missed.Phase.ShouldBe(DeadlinePhase.Assessment);
        var overdue = (await Host.Get("/api/cases/overdue", Caller.SspConsultant)).Body!.AsArray().ShouldHaveSingleItem()!;
        overdue["id"]!.GetValue<Guid>().ShouldBe(@case.Id);
        overdue["adHocMeeting"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_first_level_outside_the_staircase_is_a_400_and_nothing_is_stored()
    {
        var answer = await Host.Post("/api/cases", Given.EmployeeReferral() with { FirstConcern = new FirstConcern("urgent") }, Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
        (await Host.StoredEventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task only_members_and_the_coordinator_triage_at_intake()
    {
        var answer = await Host.Post("/api/cases", Given.EmployeeReferral() with { FirstConcern = new FirstConcern("acute") }, Caller.Steering);

        answer.Status.ShouldBe(HttpStatusCode.Forbidden, answer.ToString());
        (await Host.StoredEventCount()).ShouldBe(0);
    }
}
