
namespace Infohus.Specs.Api.Lifecycle;

public class when_a_case_goes_from_referral_to_closure(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task an_employee_referral_with_specific_measures_is_handed_over_evaluated_and_closed()
    {
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "manager-informed", new InformManager(@case.Version));
        @case = await Host.Step(@case, "interview", new HoldInterview(@case.Version, true, true, "Held at the school."));
        @case = await Host.Step(@case, "assessment",
            new AssessConcern(@case.Version, true, [Department.Bfu, Department.Au, Department.Police], "moderate", PreventionTier.Specific));
        @case = await Host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Guidance));
        @case = await Host.Step(@case, "handover", new HandOver(@case.Version, "Hirtshals School"));
        @case = await Host.Step(@case, "evaluation", new EvaluateCourse(@case.Version, EvaluationOutcome.ConcernResolved));
        @case = await Host.Step(@case, "closure", new CloseCase(@case.Version));

        @case.Version.ShouldBe(8);
        (await StoredTypes(@case.Id)).ShouldBe([
            typeof(ReferralReceived), typeof(NearestManagerInformed), typeof(ConcernInterviewHeld), typeof(ConcernAssessed),
            typeof(FeedbackGiven), typeof(CaseHandedOver), typeof(CourseEvaluated), typeof(CaseClosed)]);

        var view = await Host.Get(@case.Url(), Caller.BfuMember);
        view.Status.ShouldBe(HttpStatusCode.OK);
        view.Version.ShouldBe(8);
        view.Body!["state"]!["status"]!.GetValue<string>().ShouldBe("closed");
        view.Body!["state"]!["handedOverTo"]!.GetValue<string>().ShouldBe("Hirtshals School");
        view.Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["reopening"]);
    }

    [Fact]
    public async Task a_targeted_case_runs_through_pet_eae_crisis_team_plan_granted_intervention_and_family_follow_up()
    {
        var @case = await Host.AssessedReferral(PreventionTier.Targeted, "high");
        @case = await Host.Step(@case, "pet-eae-report", new ReportToPetEae(@case.Version), Caller.PoliceMember);
        @case = await Host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Targeted));
        @case = await Host.Step(@case, "crisis-team", new ConveneCrisisTeam(@case.Version, [Department.Bfu, Department.Saeh, Department.Police]));
        @case = await Host.Step(@case, "preparedness-plan", new AdoptPreparednessPlan(@case.Version, "Mentor contact twice a week; school follows attendance."));

        var recommended = await Host.Post(@case.Url("interventions"), new RecommendIntervention(@case.Version, InterventionKind.SpecialisedMentor), Caller.BfuMember);
        recommended.Status.ShouldBe(HttpStatusCode.OK, recommended.ToString());
        var interventionId = recommended.Body!["interventionId"]!.GetValue<Guid>();
        @case = @case with { Version = recommended.Version };

        @case = await Host.Step(@case, $"interventions/{interventionId}/decision",
            new DecideIntervention(@case.Version, InterventionDecision.Granted, "Hjørring Municipality, Children and Family"));
        @case = await Host.Step(@case, "follow-ups", new OpenFollowUp(@case.Version, FollowUpCircle.Family));
        @case = await Host.Step(@case, "evaluation", new EvaluateCourse(@case.Version, EvaluationOutcome.ConcernReduced));
        @case = await Host.Step(@case, "closure", new CloseCase(@case.Version));

        var view = await Host.Get(@case.Url(), Caller.PoliceMember);
        var state = view.Body!["state"]!;
        state["reportedToPetEae"]!.GetValue<bool>().ShouldBeTrue();
        state["crisisTeam"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["bfu", "saeh", "police"]);
        var intervention = state["interventions"]!.AsArray().Single()!;
        intervention["decision"]!.GetValue<string>().ShouldBe("granted");
        intervention["authority"]!.GetValue<string>().ShouldBe("Hjørring Municipality, Children and Family");
        state["followUps"]!.GetValue<int>().ShouldBe(1);
        state["status"]!.GetValue<string>().ShouldBe("closed");
        (await StoredTypes(@case.Id)).ShouldContain(typeof(ReportedToPetEae));
        (await StoredTypes(@case.Id)).ShouldContain(typeof(InterventionDecided));
    }

    [Fact]
    public async Task a_concern_that_is_not_about_extremism_is_redirected_to_a_named_body_and_closed()
    {
        var @case = await Host.NotExtremismReferral();
        @case = await Host.Step(@case, "redirection",
            new RedirectReferral(@case.Version, "Children and Family, negative social control team", RedirectionReason.NegativeSocialControl));
        @case = await Host.Step(@case, "closure", new CloseCase(@case.Version));

        var view = await Host.Get(@case.Url(), Caller.BfuMember);
        view.Body!["state"]!["redirectedTo"]!.GetValue<string>().ShouldBe("Children and Family, negative social control team");
        view.Body!["state"]!["status"]!.GetValue<string>().ShouldBe("closed");
        (await StoredTypes(@case.Id)).ShouldContain(typeof(ReferralRedirected));
    }

    [Fact]
    public async Task a_closed_case_can_be_reopened_and_goes_back_to_assessment()
    {
        var @case = await Host.ClosedCase();
        @case = await Host.Step(@case, "reopening", new ReopenCase(@case.Version, "New concern from the school."));

        var view = await Host.Get(@case.Url(), Caller.BfuMember);
        view.Body!["state"]!["status"]!.GetValue<string>().ShouldBe("open");
        view.Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("assessment");
        (await StoredTypes(@case.Id)).Last().ShouldBe(typeof(CaseReopened));
    }

    private async Task<IReadOnlyList<Type>> StoredTypes(Guid caseId) => [.. (await Host.StoredEvents(caseId)).Select(e => e.EventType)];
}
