using Infohus.Api.Cases.Assessing;
using Infohus.Api.Cases.Feedback;
using Infohus.Api.Cases.Targeting;

namespace Infohus.Specs.Api.Lifecycle;

/// <summary>The course as it really runs: escalated or stepped down while open, without closing and reopening.</summary>
public class when_the_concern_is_reassessed(InfohusApp app) : ApiSpec(app)
{
    private static readonly IReadOnlyList<Department> Team = [Department.Bfu, Department.Police];

    [Fact]
    public async Task guidance_escalates_to_a_crisis_team_and_the_timeline_shows_both_assessments()
    {
        var @case = await Host.AssessedReferral(PreventionTier.Specific);
        @case = await Host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Guidance));

        @case = await Host.Step(@case, "reassessment", new ReassessConcern(@case.Version, Team, "high", PreventionTier.Targeted));
        @case = await Host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Targeted));
        @case = await Host.Step(@case, "crisis-team", new ConveneCrisisTeam(@case.Version, Team));

        var sentences = (await Host.Get(@case.Url("timeline"), Caller.BfuMember)).Body!.AsArray().Select(l => l!["sentence"]!.GetValue<string>()).ToList();
        sentences.ShouldContain(s => s.StartsWith("Concern assessed: level moderate, specific tier", StringComparison.Ordinal));
        sentences.ShouldContain(s => s.StartsWith("Concern re-assessed: level high, targeted tier (was level moderate, specific tier)", StringComparison.Ordinal));
        var row = (await Host.Get("/api/cases", Caller.BfuMember)).Body!["items"]!.AsArray().Single()!;
        (row["stage"]!.GetValue<string>(), row["concernLevel"]!.GetValue<string>(), row["tier"]!.GetValue<string>(), row["status"]!.GetValue<string>())
            .ShouldBe(("crisis-team", "high", "targeted", "open"));
        var stored = (await Host.StoredEvents(@case.Id)).Select(e => e.Data).ToList();
        stored.OfType<ConcernAssessed>().ShouldHaveSingleItem();
        stored.OfType<CaseClosed>().ShouldBeEmpty();
        stored.OfType<CaseReopened>().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_crisis_team_steps_down_to_guidance_and_a_hand_over()
    {
        var @case = await Host.WithCrisisTeam();

        @case = await Host.Step(@case, "reassessment", new ReassessConcern(@case.Version, Team, "low", PreventionTier.Specific));
        var view = await Host.Get(@case.Url(), Caller.BfuMember);
        view.Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("feedback");
        @case = await Host.Step(@case, "feedback", new GiveFeedback(@case.Version, FeedbackKind.Guidance));
        await Host.Step(@case, "handover", new HandOver(@case.Version, "Sindal School"));
    }

    [Fact]
    public async Task a_reassessment_before_feedback_is_a_409_and_outside_case_work_a_403()
    {
        var assessed = await Host.AssessedReferral(PreventionTier.Specific);
        (await Host.Post(assessed.Url("reassessment"), new ReassessConcern(assessed.Version, Team, "high", PreventionTier.Targeted), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.Conflict);

        var withFeedback = await Host.Step(assessed, "feedback", new GiveFeedback(assessed.Version, FeedbackKind.Guidance));
        (await Host.Post(withFeedback.Url("reassessment"), new ReassessConcern(withFeedback.Version, Team, "high", PreventionTier.Targeted), Caller.Steering))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Post(withFeedback.Url("reassessment"), new ReassessConcern(withFeedback.Version, Team, "urgent", PreventionTier.Targeted), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.StoredVersion(withFeedback.Id)).ShouldBe(withFeedback.Version);
    }
}
