using Alba;

namespace Infohus.Specs.Api.Rules;

/// <summary>One broken rule of the action plan per row: the status it gets, and nothing appended.</summary>
public sealed record BrokenRule(
    string Rule,
    Func<IAlbaHost, Task<CaseRef>> Given,
    Func<CaseRef, string> Action,
    Func<long, object> Body,
    Caller By,
    HttpStatusCode Expected)
{
    public override string ToString() => Rule;
}

public class when_a_step_breaks_a_rule_of_the_plan(InfohusApp app) : ApiSpec(app)
{
    private static readonly Department[] Participants = [Department.Bfu, Department.Police];

    private static readonly BrokenRule[] Rules =
    [
        new("no interview before the nearest manager is informed",
            h => h.ReferralFromEmployee(), _ => "interview", v => new HoldInterview(v, true, true), Caller.BfuMember, HttpStatusCode.Conflict),
        new("the interview records both notices of §4.2.2 I",
            async h => { var c = await h.ReferralFromEmployee(); return await h.Step(c, "manager-informed", new InformManager(c.Version)); },
            _ => "interview", v => new HoldInterview(v, true, false), Caller.BfuMember, HttpStatusCode.UnprocessableEntity),
        new("no assessment before the interview",
            async h => { var c = await h.ReferralFromEmployee(); return await h.Step(c, "manager-informed", new InformManager(c.Version)); },
            _ => "assessment", v => new AssessConcern(v, true, Participants, "low", PreventionTier.General), Caller.BfuMember, HttpStatusCode.Conflict),
        new("no feedback before an assessment",
            h => h.InterviewedReferral(), _ => "feedback", v => new GiveFeedback(v, FeedbackKind.Guidance), Caller.BfuMember, HttpStatusCode.Conflict),
        new("only the police reports to PET/EAE",
            h => h.AssessedReferral(PreventionTier.Targeted), _ => "pet-eae-report", v => new ReportToPetEae(v), Caller.BfuMember, HttpStatusCode.Forbidden),
        new("the report to PET/EAE comes after an assessment",
            h => h.InterviewedReferral(), _ => "pet-eae-report", v => new ReportToPetEae(v), Caller.PoliceMember, HttpStatusCode.Conflict),
        new("a concern that is not about extremism is not reported to PET/EAE",
            h => h.NotExtremismReferral(), _ => "pet-eae-report", v => new ReportToPetEae(v), Caller.PoliceMember, HttpStatusCode.UnprocessableEntity),
        new("a concern that is not about extremism gets no feedback: it is redirected",
            h => h.NotExtremismReferral(), _ => "feedback", v => new GiveFeedback(v, FeedbackKind.Guidance), Caller.BfuMember, HttpStatusCode.UnprocessableEntity),
        new("a concern about extremism is not redirected",
            h => h.AssessedReferral(PreventionTier.Specific), _ => "redirection", v => new RedirectReferral(v, "Job centre", RedirectionReason.Other), Caller.BfuMember, HttpStatusCode.UnprocessableEntity),
        new("a targeted concern gets feedback b), not a)",
            h => h.AssessedReferral(PreventionTier.Targeted), _ => "feedback", v => new GiveFeedback(v, FeedbackKind.Guidance), Caller.BfuMember, HttpStatusCode.UnprocessableEntity),
        new("a specific concern gets feedback a), not b)",
            h => h.AssessedReferral(PreventionTier.Specific), _ => "feedback", v => new GiveFeedback(v, FeedbackKind.Targeted), Caller.BfuMember, HttpStatusCode.UnprocessableEntity),
        new("after hand-over the Infohus is no longer involved",
            h => h.HandedOver(), _ => "pet-eae-report", v => new ReportToPetEae(v), Caller.PoliceMember, HttpStatusCode.Conflict),
        new("hand-over follows feedback a) only",
            h => h.TargetedWithFeedback(), _ => "handover", v => new HandOver(v, "School"), Caller.BfuMember, HttpStatusCode.Conflict),
        new("a crisis team follows feedback b) only",
            async h => { var c = await h.AssessedReferral(PreventionTier.Specific); return await h.Step(c, "feedback", new GiveFeedback(c.Version, FeedbackKind.Guidance)); },
            _ => "crisis-team", v => new ConveneCrisisTeam(v, [Department.Bfu, Department.Police]), Caller.BfuMember, HttpStatusCode.Conflict),
        new("a crisis team includes the police",
            h => h.TargetedWithFeedback(), _ => "crisis-team", v => new ConveneCrisisTeam(v, [Department.Bfu, Department.Saeh]), Caller.BfuMember, HttpStatusCode.UnprocessableEntity),
        new("no preparedness plan before a crisis team",
            h => h.TargetedWithFeedback(), _ => "preparedness-plan", v => new AdoptPreparednessPlan(v, "Plan"), Caller.BfuMember, HttpStatusCode.Conflict),
        new("no intervention before a crisis team",
            h => h.TargetedWithFeedback(), _ => "interventions", v => new RecommendIntervention(v, InterventionKind.ParentCoach), Caller.BfuMember, HttpStatusCode.Conflict),
        new("the Infohus can never grant an intervention",
            RecommendedIntervention, c => $"interventions/{InterventionOf(c)}/decision",
            v => new DecideIntervention(v, InterventionDecision.Granted, "Infohus Hjørring"), Caller.BfuMember, HttpStatusCode.UnprocessableEntity),
        new("a grant names the granting authority",
            RecommendedIntervention, c => $"interventions/{InterventionOf(c)}/decision",
            v => new DecideIntervention(v, InterventionDecision.Granted, "  "), Caller.BfuMember, HttpStatusCode.BadRequest),
        new("a decision names an intervention of the case",
            RecommendedIntervention, _ => $"interventions/{Guid.NewGuid()}/decision",
            v => new DecideIntervention(v, InterventionDecision.Granted, "Jobcenter Hjørring"), Caller.BfuMember, HttpStatusCode.NotFound),
        new("follow-up on the family belongs to a targeted intervention",
            async h => { var c = await h.AssessedReferral(PreventionTier.Specific); return await h.Step(c, "feedback", new GiveFeedback(c.Version, FeedbackKind.Guidance)); },
            _ => "follow-ups", v => new OpenFollowUp(v, FollowUpCircle.Family), Caller.BfuMember, HttpStatusCode.Conflict),
        new("a case is evaluated before it is closed",
            h => h.HandedOver(), _ => "closure", v => new CloseCase(v), Caller.BfuMember, HttpStatusCode.Conflict),
        new("a closed case accepts no evaluation",
            h => h.ClosedCase(), _ => "evaluation", v => new EvaluateCourse(v, EvaluationOutcome.Unchanged), Caller.BfuMember, HttpStatusCode.Conflict),
        new("a closed case accepts no new assessment",
            h => h.ClosedCase(), _ => "assessment", v => new AssessConcern(v, true, Participants, "low", PreventionTier.General), Caller.BfuMember, HttpStatusCode.Conflict),
        new("only a closed case is reopened",
            h => h.HandedOver(), _ => "reopening", v => new ReopenCase(v, "Again"), Caller.BfuMember, HttpStatusCode.Conflict),
        new("a citizen's referral has no nearest manager to inform",
            async h => await h.Referral(Given.CitizenReferral(30)), _ => "manager-informed", v => new InformManager(v), Caller.BfuMember, HttpStatusCode.UnprocessableEntity),
        new("the concern level comes from the staircase",
            h => h.InterviewedReferral(), _ => "assessment", v => new AssessConcern(v, true, Participants, "catastrophic", PreventionTier.Targeted), Caller.BfuMember, HttpStatusCode.BadRequest),
        new("a concern about extremism has a tier",
            h => h.InterviewedReferral(), _ => "assessment", v => new AssessConcern(v, true, Participants, "high"), Caller.BfuMember, HttpStatusCode.BadRequest),
    ];

    public static TheoryData<string> RuleNames() => [.. Rules.Select(r => r.Rule)];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public async Task the_step_is_refused_with_problem_details_and_appends_nothing(string rule)
    {
        var row = Rules.Single(r => r.Rule == rule);
        var @case = await row.Given(Host);

        var answer = await Host.Post(@case.Url(row.Action(@case)), row.Body(@case.Version), row.By);

        answer.Status.ShouldBe(row.Expected, answer.ToString());
        answer.Body!["status"]!.GetValue<int>().ShouldBe((int)row.Expected);
        answer.Detail.ShouldNotBeNullOrWhiteSpace();
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    // The recommended intervention's id travels with the case reference in the specs' table.
    private static readonly Dictionary<Guid, Guid> Interventions = [];

    private static Guid InterventionOf(CaseRef @case) => Interventions[@case.Id];

    private static async Task<CaseRef> RecommendedIntervention(IAlbaHost host)
    {
        var @case = await host.WithCrisisTeam();
        var answer = await host.Post(@case.Url("interventions"), new RecommendIntervention(@case.Version, InterventionKind.ExitProgramme), Caller.BfuMember);
        answer.Status.ShouldBe(HttpStatusCode.OK);
        Interventions[@case.Id] = answer.Body!["interventionId"]!.GetValue<Guid>();
        return @case with { Version = answer.Version };
    }
}
