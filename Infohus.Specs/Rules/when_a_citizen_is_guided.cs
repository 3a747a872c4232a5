using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_a_citizen_is_guided
{
    private static readonly CitizenGuidance[] Hotline = [CitizenGuidance.NationalHotline];

    private static CitizenGuided Guided(MemberRef by) => new(CaseId, Hotline, Now, by);

    private static ConcernAssessed AssessedCitizen(PreventionTier tier) => new(CaseId, true, "moderate", tier, [Department.Bfu], Now, Bfu);

    [Fact]
    public void the_member_handling_the_concern_guides_the_citizen_and_may_close_the_case_with_that_guidance()
    {
        var young = Given(CitizenReferral(15));

        young.Close(Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        var guided = young.GuideCitizen([CitizenGuidance.Police114, CitizenGuidance.NationalHotline, CitizenGuidance.Police114], Now, Bfu)
            .ShouldAccept<CitizenGuided>();
        guided.Guidance.ShouldBe([CitizenGuidance.Police114, CitizenGuidance.NationalHotline]);

        var state = Given([.. CitizenReferral(15), guided]);
        state.GuidedTo.ShouldBe(guided.Guidance);
        state.AllowedActions(Bfu).ShouldBe([CaseAction.Assessment, CaseAction.Evaluation, CaseAction.Closure, CaseAction.Disclosures, CaseAction.Registration, CaseAction.Assignment, CaseAction.Notes, CaseAction.Documents]);
        state.Close(Now, Bfu).ShouldAccept<CaseClosed>();
    }

    [Fact]
    public void the_ssp_consultant_handles_a_concern_under_18_the_police_one_over_and_the_coordinator_one_without_an_age()
    {
        Given(CitizenReferral(15)).GuideCitizen(Hotline, Now, Police).ShouldBeRefused(RefusalKind.Forbidden);
        Given(CitizenReferral(15)).GuideCitizen(Hotline, Now, Coordinator).ShouldAccept<CitizenGuided>();

        Given(CitizenReferral(30)).GuideCitizen(Hotline, Now, Bfu).ShouldBeRefused(RefusalKind.Forbidden);
        Given(CitizenReferral(30)).GuideCitizen(Hotline, Now, Saeh).ShouldBeRefused(RefusalKind.Forbidden);
        Given(CitizenReferral(30)).GuideCitizen(Hotline, Now, Police).ShouldAccept<CitizenGuided>();
        Given(CitizenReferral(30)).AllowedActions(Bfu).ShouldNotContain(CaseAction.CitizenGuidance);

        Given(CitizenReferral(null)).GuideCitizen(Hotline, Now, Bfu).ShouldBeRefused(RefusalKind.Forbidden);
        Given(CitizenReferral(null)).GuideCitizen(Hotline, Now, Coordinator).ShouldAccept<CitizenGuided>();
    }

    [Fact]
    public void a_citizen_whose_concern_no_one_can_put_an_age_on_is_guided_and_the_case_closed_with_the_age_unknown()
    {
        var state = Given([.. CitizenReferral(null), Guided(Coordinator)]);

        state.Registration.Age.ShouldBeNull();
        state.Close(Now, Coordinator).ShouldAccept<CaseClosed>();
    }

    [Fact]
    public void guidance_names_where_the_citizen_was_guided_is_given_once_a_round_and_only_to_a_citizen()
    {
        Given(CitizenReferral(15)).GuideCitizen([], Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        Given([.. CitizenReferral(15), Guided(Bfu)]).GuideCitizen(Hotline, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Given(Referral(), ManagerInformed, Interviewed).GuideCitizen(Hotline, Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);

        var reopened = Given([.. CitizenReferral(15), Guided(Bfu), new CaseClosed(CaseId, Now, Bfu), new CaseReopened(CaseId, Text("The citizen called again."), Now, Bfu)]);
        reopened.Close(Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        reopened.GuideCitizen(Hotline, Now, Bfu).ShouldAccept<CitizenGuided>();
    }

    [Fact]
    public void feedback_a_and_the_hand_over_to_a_referring_authority_do_not_fit_a_citizen()
    {
        var specific = Given([.. CitizenReferral(15), AssessedCitizen(PreventionTier.Specific)]);

        var feedback = specific.GiveFeedback(FeedbackKind.Guidance, Now, Bfu);
        feedback.ShouldBeRefused(RefusalKind.RuleBroken);
        feedback.Refusal!.Reason.ShouldContain("§4.2.2");
        specific.AllowedActions(Bfu).ShouldNotContain(CaseAction.Feedback);
        specific.HandOver("The citizen", Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        Given([.. CitizenReferral(15), AssessedCitizen(PreventionTier.Targeted)]).GiveFeedback(FeedbackKind.Guidance, Now, Bfu)
            .ShouldBeRefused(RefusalKind.RuleBroken);

        // Assessed as general or specific, the citizen's answer is the guidance, and the case closes with it.
        specific.Close(Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        var guided = specific.GuideCitizen(Hotline, Now, Bfu).ShouldAccept<CitizenGuided>();
        Given([.. CitizenReferral(15), AssessedCitizen(PreventionTier.Specific), guided]).Close(Now, Bfu).ShouldAccept<CaseClosed>();
    }

    [Fact]
    public void a_citizens_concern_can_still_go_into_an_assessment_and_the_targeted_course_like_any_case()
    {
        var targeted = Given([.. CitizenReferral(30), Guided(Police), AssessedCitizen(PreventionTier.Targeted)]);

        // Guidance alone does not close a targeted course: feedback b), the crisis team and the evaluation come first.
        targeted.Close(Now, Police).ShouldBeRefused(RefusalKind.Conflict);
        var feedback = targeted.GiveFeedback(FeedbackKind.Targeted, Now, Police).ShouldAccept<FeedbackGiven>();
        var course = Given([.. CitizenReferral(30), Guided(Police), AssessedCitizen(PreventionTier.Targeted), feedback]);
        course.ConveneCrisisTeam([Department.Bfu, Department.Police], Now, Police).ShouldAccept<CrisisTeamConvened>();
        course.Close(Now, Police).ShouldBeRefused(RefusalKind.Conflict);
        course.GuideCitizen(Hotline, Now, Police).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Fact]
    public void a_concern_assessed_as_not_about_extremism_is_redirected_not_closed_with_guidance()
    {
        var other = Given([.. CitizenReferral(15), Guided(Bfu), new ConcernAssessed(CaseId, false, null, null, [Department.Bfu], Now, Bfu)]);

        other.Close(Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Given([.. CitizenReferral(15), new ConcernAssessed(CaseId, false, null, null, [Department.Bfu], Now, Bfu)])
            .GuideCitizen(Hotline, Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
    }

    [Fact]
    public void the_guidance_answers_the_referral_so_its_reaction_deadline_no_longer_waits()
    {
        var received = Given(CitizenReferral(15));
        received.DueAt.ShouldNotBeNull();

        var guided = Given([.. CitizenReferral(15), Guided(Bfu)]);
        guided.DueAt.ShouldBeNull();
        guided.CheckDeadline(received.DueAt!.Value, received.DueAt.Value.AddMinutes(1)).Events.ShouldBeEmpty();
    }
}
