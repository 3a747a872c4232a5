using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_an_employee_refers_a_concern
{
    [Fact]
    public void interview_is_refused_until_the_nearest_manager_is_informed()
    {
        Given(Referral()).HoldInterview(true, true, null, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Given(Referral(), ManagerInformed).HoldInterview(true, true, null, Now, Bfu).ShouldAccept<ConcernInterviewHeld>();
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void the_interview_records_that_a_referral_replaces_no_notification_and_the_immigration_duty(bool notification, bool immigration)
    {
        Given(Referral(), ManagerInformed).HoldInterview(notification, immigration, null, Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
    }

    [Fact]
    public void the_manager_is_informed_once_and_the_interview_held_once()
    {
        Given(Referral(), ManagerInformed).InformManager(Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Given(Referral(), ManagerInformed, Interviewed).HoldInterview(true, true, null, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Fact]
    public void assessment_is_refused_before_the_interview()
    {
        Given(Referral(), ManagerInformed).Assess(true, "low", PreventionTier.General, [Department.Bfu], Plan, Now, Bfu)
            .ShouldBeRefused(RefusalKind.Conflict);
        Given(Referral(), ManagerInformed, Interviewed).Assess(true, "low", PreventionTier.General, [Department.Bfu], Plan, Now, Bfu)
            .ShouldAccept<ConcernAssessed>().ConcernLevel.ShouldBe("low");
    }

    [Fact]
    public void feedback_is_refused_before_an_assessment()
    {
        Given(Referral(), ManagerInformed, Interviewed).GiveFeedback(FeedbackKind.Guidance, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Fact]
    public void the_allowed_actions_walk_the_plan_in_order()
    {
        // §115 disclosures and the registration's corrections are possible at every step of an open case, so they end every list.
        Given(Referral()).AllowedActions(Bfu).ShouldBe([CaseAction.ManagerInformed, CaseAction.Disclosures, CaseAction.Registration, CaseAction.Assignment, CaseAction.Notes, CaseAction.Documents]);
        Given(Referral(), ManagerInformed).AllowedActions(Bfu).ShouldBe([CaseAction.Interview, CaseAction.Disclosures, CaseAction.Registration, CaseAction.Assignment, CaseAction.Notes, CaseAction.Documents]);
        Given(Referral(), ManagerInformed, Interviewed).AllowedActions(Bfu).ShouldBe([CaseAction.Assessment, CaseAction.Disclosures, CaseAction.Registration, CaseAction.Assignment, CaseAction.Notes, CaseAction.Documents]);
        Given(Referral(), ManagerInformed, Interviewed, Assessed(PreventionTier.Targeted)).AllowedActions(Police)
            .ShouldBe([CaseAction.Assessment, CaseAction.PetEaeReport, CaseAction.Feedback, CaseAction.Disclosures, CaseAction.Registration, CaseAction.Notes, CaseAction.Documents]);
    }

    [Fact]
    public void the_steering_group_is_never_offered_an_action()
    {
        Given(Referral()).AllowedActions(Steering).ShouldBeEmpty();
        Given(Referral()).InformManager(Now, Steering).ShouldBeRefused(RefusalKind.Forbidden);
    }
}
