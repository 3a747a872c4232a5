using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

/// <summary>§4: the staircase decides how fast to react; a first concern level may be given at intake.</summary>
public class when_a_referral_is_triaged_at_intake
{
    private static Decision Receive(FirstConcern? first, ReferralSource source = ReferralSource.Employee, int? age = 16) =>
        ReceiveReferralStep.ReceiveReferral(CaseId, source, ReferralChannel.InPerson, ReferrerOrganisation.School, Registration(age),
            Text("Concern."), SubjectDetails.None, ReferrerDetails.None, null, Plan, Now, Bfu, firstConcern: first);

    [Fact]
    public void without_a_first_level_the_assessment_is_due_by_the_intake_default()
    {
        var decision = Receive(null);
        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ReferralReceived>().AssessmentDueAt.ShouldBe(Now + Plan.IntakeReactionTime);
        Given([.. decision.Events]).DueAt.ShouldBe(Now + Plan.IntakeReactionTime);
    }

    [Fact]
    public void an_acute_first_level_makes_the_assessment_due_the_same_day_and_calls_for_an_ad_hoc_meeting()
    {
        var decision = Receive(new FirstConcern("acute", TriageSource.Referrer));
        var triaged = decision.Events.OfType<IntakeTriaged>().ShouldHaveSingleItem();
        triaged.AssessmentDueAt.ShouldBe(Now + TimeSpan.FromHours(8));
        triaged.AdHocMeeting.ShouldBeTrue();
        triaged.GivenBy.ShouldBe(TriageSource.Referrer);
        // The referral keeps its own stored form; the triage moves the case's due time.
        var state = Given([.. decision.Events]);
        state.DueAt.ShouldBe(Now + TimeSpan.FromHours(8));
        state.DuePhase.ShouldBe(DeadlinePhase.Assessment);
    }

    [Theory]
    [InlineData("high", 24)]
    [InlineData("moderate", 7 * 24)]
    [InlineData("low", 31 * 24)]
    public void a_lower_first_level_follows_the_staircase_without_an_ad_hoc_meeting(string level, int hours)
    {
        var triaged = Receive(new FirstConcern(level)).Events.OfType<IntakeTriaged>().ShouldHaveSingleItem();
        triaged.AssessmentDueAt.ShouldBe(Now + TimeSpan.FromHours(hours));
        triaged.AdHocMeeting.ShouldBeFalse();
        triaged.GivenBy.ShouldBe(TriageSource.ReceivingMember);
    }

    [Fact]
    public void a_level_outside_the_staircase_is_refused_and_nothing_is_received()
    {
        var decision = Receive(new FirstConcern("urgent"));
        decision.ShouldBeRefused(RefusalKind.Invalid);
    }

    [Fact]
    public void a_citizens_referral_is_routed_and_triaged()
    {
        var decision = Receive(new FirstConcern("acute"), ReferralSource.Citizen, age: 20);
        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(ReferralReceived), typeof(CitizenReferralRouted), typeof(IntakeTriaged)]);
    }

    [Fact]
    public void the_alarm_of_the_triaged_due_time_finds_the_unassessed_case_waiting()
    {
        var state = Given([.. Receive(new FirstConcern("acute")).Events]);
        state.CheckDeadline(Now + TimeSpan.FromHours(8), Now + TimeSpan.FromHours(9)).ShouldAccept<ReactionDeadlineMissed>().Phase.ShouldBe(DeadlinePhase.Assessment);
        // The referral's default alarm rings later and finds the case waiting on another due time.
        state.CheckDeadline(Now + Plan.IntakeReactionTime, Now + Plan.IntakeReactionTime).Events.ShouldBeEmpty();
    }
}
