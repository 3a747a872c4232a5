using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_a_reaction_deadline_falls_due
{
    private static readonly DateTimeOffset Due = Now.AddDays(31);

    private static ReferralReceived ReferralDue() => Referral() with { AssessmentDueAt = Due };

    [Fact]
    public void a_referral_not_assessed_by_its_due_time_gets_exactly_one_missed_event()
    {
        var missed = Given(ReferralDue()).CheckDeadline(Due, Due.AddMinutes(1)).ShouldAccept<ReactionDeadlineMissed>();
        missed.Phase.ShouldBe(DeadlinePhase.Assessment);
        missed.DueAt.ShouldBe(Due);

        Given(ReferralDue(), missed).CheckDeadline(Due, Due.AddHours(1)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void an_assessment_in_time_silences_the_intake_alarm_and_sets_the_levels_due_time()
    {
        var assessed = ReceiveReferralStep.ReceiveReferral(CaseId, ReferralSource.Citizen, ReferralChannel.Phone, ReferrerOrganisation.PrivateCitizen,
            Registration(16), Text("x"), SubjectDetails.None, ReferrerDetails.None, null, Plan, Now, Bfu);
        var received = assessed.Events.OfType<ReferralReceived>().Single();
        received.AssessmentDueAt.ShouldBe(Now + Plan.IntakeReactionTime);

        var state = Given([.. assessed.Events]);
        var assessment = state.Assess(true, "high", PreventionTier.Targeted, [Department.Bfu], Plan, Now.AddDays(2), Bfu).ShouldAccept<ConcernAssessed>();
        assessment.FollowUpDueAt.ShouldBe(Now.AddDays(2).AddHours(24), "high: within 24 hours");

        Given([.. assessed.Events, assessment]).CheckDeadline(received.AssessmentDueAt!.Value, received.AssessmentDueAt.Value.AddMinutes(1))
            .Events.ShouldBeEmpty();
    }

    [Fact]
    public void the_step_after_the_assessment_is_due_by_the_level_and_feedback_meets_it()
    {
        var assessed = Assessed(PreventionTier.Specific, "acute") with { FollowUpDueAt = Now.AddHours(8) };
        var state = Given(Referral(), ManagerInformed, Interviewed, assessed);

        state.CheckDeadline(Now.AddHours(8), Now.AddHours(9)).ShouldAccept<ReactionDeadlineMissed>().Phase.ShouldBe(DeadlinePhase.FollowUp);
        Given(Referral(), ManagerInformed, Interviewed, assessed, Feedback(FeedbackKind.Guidance))
            .CheckDeadline(Now.AddHours(8), Now.AddHours(9)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void an_alarm_that_rings_early_or_on_a_closed_case_does_nothing()
    {
        Given(ReferralDue()).CheckDeadline(Due, Due.AddMinutes(-1)).Events.ShouldBeEmpty();
        Given(ReferralDue(), new CaseClosed(CaseId, Now, Bfu)).CheckDeadline(Due, Due.AddDays(1)).Events.ShouldBeEmpty();
    }
}
