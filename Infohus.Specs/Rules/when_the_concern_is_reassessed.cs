using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

/// <summary>The course as it really runs: after feedback a) or b) the concern is assessed again while the case is open.</summary>
public class when_the_concern_is_reassessed
{
    private static readonly IReadOnlyList<Department> Team = [Department.Bfu, Department.Police];

    private static ConcernReassessed Reassessed(PreventionTier tier, string level) =>
        Specific().Reassess(level, tier, Team, Plan, Now, Bfu).ShouldAccept<ConcernReassessed>();

    [Fact]
    public void a_reassessment_waits_for_feedback_on_the_assessment()
    {
        Given(Referral(), ManagerInformed, Interviewed).Reassess("high", PreventionTier.Targeted, Team, Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Given(Referral(), ManagerInformed, Interviewed, Assessed(PreventionTier.Specific)).Reassess("high", PreventionTier.Targeted, Team, Plan, Now, Bfu)
            .ShouldBeRefused(RefusalKind.Conflict);
        Given(Referral(), ManagerInformed, Interviewed, NotExtremism).Reassess("high", PreventionTier.Targeted, Team, Plan, Now, Bfu)
            .ShouldBeRefused(RefusalKind.RuleBroken);
        Specific().AllowedActions(Bfu).ShouldContain(CaseAction.Reassessment);
    }

    [Fact]
    public void guidance_escalates_to_a_crisis_team_without_closing_and_reopening()
    {
        var reassessed = Reassessed(PreventionTier.Targeted, "high");
        reassessed.PreviousTier.ShouldBe(PreventionTier.Specific);
        reassessed.PreviousConcernLevel.ShouldBe("moderate");
        reassessed.FollowUpDueAt.ShouldBe(Now + TimeSpan.FromHours(24));

        var escalated = Specific(reassessed);
        escalated.Status.ShouldBe(CaseStatus.Open);
        escalated.DueAt.ShouldBe(Now + TimeSpan.FromHours(24));
        escalated.GiveFeedback(FeedbackKind.Guidance, Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        var feedback = escalated.GiveFeedback(FeedbackKind.Targeted, Now, Bfu).ShouldAccept<FeedbackGiven>();
        escalated.Then(feedback).ConveneCrisisTeam(Team, Now, Bfu).ShouldAccept<CrisisTeamConvened>();
    }

    [Fact]
    public void a_handed_over_case_comes_back_when_it_escalates()
    {
        var handedOver = Specific(new CaseHandedOver(CaseId, "Sindal School", Now, Bfu));
        var reassessed = handedOver.Reassess("acute", PreventionTier.Targeted, Team, Plan, Now, Bfu).ShouldAccept<ConcernReassessed>();

        var back = handedOver.Then(reassessed);
        back.HandedOverTo.ShouldBeNull();
        back.AllowedActions(Bfu).ShouldContain(CaseAction.Feedback);
    }

    [Fact]
    public void a_crisis_team_steps_down_to_guidance_and_a_hand_over()
    {
        var targeted = Targeted(CrisisTeam);
        var reassessed = targeted.Reassess("low", PreventionTier.Specific, Team, Plan, Now, Bfu).ShouldAccept<ConcernReassessed>();

        var steppedDown = targeted.Then(reassessed);
        steppedDown.CrisisTeam.ShouldBeEmpty("the crisis team is stood down; its work stays in the history");
        var feedback = steppedDown.GiveFeedback(FeedbackKind.Guidance, Now, Bfu).ShouldAccept<FeedbackGiven>();
        steppedDown.Then(feedback).HandOver("Sindal School", Now, Bfu).ShouldAccept<CaseHandedOver>();
    }

    [Fact]
    public void a_reassessment_changes_the_level_or_the_tier_and_names_both()
    {
        Specific().Reassess("moderate", PreventionTier.Specific, Team, Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Specific().Reassess("urgent", PreventionTier.Targeted, Team, Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        Specific().Reassess("high", null, Team, Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        Specific().Reassess("high", PreventionTier.Targeted, [], Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
    }

    [Fact]
    public void only_members_and_the_coordinator_reassess_and_never_on_a_closed_case()
    {
        Specific().Reassess("high", PreventionTier.Targeted, Team, Plan, Now, Steering).ShouldBeRefused(RefusalKind.Forbidden);
        Specific(new CaseClosed(CaseId, Now, Bfu)).Reassess("high", PreventionTier.Targeted, Team, Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
    }
}
