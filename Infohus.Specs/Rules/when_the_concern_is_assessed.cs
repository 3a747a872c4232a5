using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_the_concern_is_assessed
{
    private static Case Assessed(PreventionTier tier) => Given(Referral(), ManagerInformed, Interviewed, History.Assessed(tier));

    [Fact]
    public void only_a_police_member_reports_to_pet_and_eae()
    {
        Assessed(PreventionTier.Targeted).ReportToPetEae(Now, Bfu).ShouldBeRefused(RefusalKind.Forbidden);
        Assessed(PreventionTier.Targeted).ReportToPetEae(Now, Police).Events
            .ShouldBe([new ReportedToPetEae(CaseId, Now, Police), new RegionalInfohusInformed(CaseId, RegionalInfohusInformed.ThroughEae, Now, Police)]);
    }

    [Fact]
    public void the_report_to_pet_and_eae_comes_after_an_assessment_and_only_once()
    {
        Given(Referral(), ManagerInformed, Interviewed).ReportToPetEae(Now, Police).ShouldBeRefused(RefusalKind.Conflict);
        var reported = Given(Referral(), ManagerInformed, Interviewed, History.Assessed(PreventionTier.Targeted), new ReportedToPetEae(CaseId, Now, Police));
        reported.ReportToPetEae(Now, Police).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Theory]
    [InlineData(PreventionTier.General, FeedbackKind.Guidance)]
    [InlineData(PreventionTier.Specific, FeedbackKind.Guidance)]
    [InlineData(PreventionTier.Targeted, FeedbackKind.Targeted)]
    public void the_feedback_follows_the_tier(PreventionTier tier, FeedbackKind kind)
    {
        Assessed(tier).GiveFeedback(kind, Now, Bfu).ShouldAccept<FeedbackGiven>();
        var other = kind == FeedbackKind.Guidance ? FeedbackKind.Targeted : FeedbackKind.Guidance;
        Assessed(tier).GiveFeedback(other, Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
    }

    [Fact]
    public void a_concern_not_about_extremism_is_redirected_to_a_named_body_and_nothing_else()
    {
        var state = Given(Referral(), ManagerInformed, Interviewed, NotExtremism);

        state.GiveFeedback(FeedbackKind.Guidance, Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        state.ReportToPetEae(Now, Police).ShouldBeRefused(RefusalKind.RuleBroken);
        state.Redirect(" ", RedirectionReason.ForcedMarriage, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        var redirected = state.Redirect("Children and Family", RedirectionReason.ForcedMarriage, Now, Bfu).ShouldAccept<ReferralRedirected>();

        var after = Given(Referral(), ManagerInformed, Interviewed, NotExtremism, redirected);
        after.AllowedActions(Bfu).ShouldBe([CaseAction.Closure, CaseAction.Registration, CaseAction.Notes, CaseAction.Documents]);
    }

    [Fact]
    public void a_concern_about_extremism_is_not_redirected()
    {
        Assessed(PreventionTier.Specific).Redirect("Job centre", RedirectionReason.Other, Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
    }

    [Fact]
    public void a_level_comes_from_the_staircase_and_a_concern_about_extremism_has_a_tier()
    {
        var interviewed = Given(Referral(), ManagerInformed, Interviewed);

        interviewed.Assess(true, "severe", PreventionTier.Targeted, [Department.Bfu], Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        interviewed.Assess(true, "high", null, [Department.Bfu], Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        interviewed.Assess(false, "high", null, [Department.Bfu], Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        interviewed.Assess(true, "high", PreventionTier.Targeted, [], Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
    }

    [Fact]
    public void a_configured_staircase_replaces_the_default_levels()
    {
        var plan = new ActionPlanSettings { ConcernLevels = [new("red", "Red", TimeSpan.FromHours(4))], Districts = Plan.Districts };
        var interviewed = Given(Referral(), ManagerInformed, Interviewed);

        interviewed.Assess(true, "red", PreventionTier.Targeted, [Department.Bfu], plan, Now, Bfu).ShouldAccept<ConcernAssessed>();
        interviewed.Assess(true, "high", PreventionTier.Targeted, [Department.Bfu], plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
    }
}
