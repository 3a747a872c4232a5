using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_the_course_is_targeted_or_handed_over
{
    [Fact]
    public void after_feedback_a_and_hand_over_only_evaluation_closure_the_register_and_a_reassessment_remain()
    {
        var handedOver = Specific(new CaseHandedOver(CaseId, "Sindal School", Now, Bfu));

        handedOver.AllowedActions(Police).ShouldBe([CaseAction.Evaluation, CaseAction.Registration, CaseAction.Reassessment, CaseAction.Notes, CaseAction.Documents]);
        handedOver.ConveneCrisisTeam([Department.Bfu, Department.Police], Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        handedOver.ReportToPetEae(Now, Police).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Fact]
    public void hand_over_follows_feedback_a_and_names_the_authority()
    {
        Targeted().HandOver("School", Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Specific().HandOver("", Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        Specific().HandOver("School", Now, Bfu).ShouldAccept<CaseHandedOver>();
    }

    [Fact]
    public void feedback_b_requires_a_crisis_team_with_the_police_before_a_preparedness_plan()
    {
        Targeted().AdoptPreparednessPlan(Text("Plan"), Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Targeted().ConveneCrisisTeam([Department.Bfu, Department.Saeh], Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        Targeted().ConveneCrisisTeam([Department.Police], Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        Targeted().ConveneCrisisTeam([Department.Au, Department.Police, Department.Au], Now, Bfu)
            .ShouldAccept<CrisisTeamConvened>().Departments.ShouldBe([Department.Au, Department.Police]);
        Targeted(CrisisTeam).AdoptPreparednessPlan(Text("Plan"), Now, Bfu).ShouldAccept<PreparednessPlanAdopted>();
    }

    [Fact]
    public void the_infohus_recommends_an_intervention_and_never_grants_it()
    {
        Targeted().RecommendIntervention(InterventionId, InterventionKind.Other, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        var recommended = Targeted(CrisisTeam, Recommended);

        recommended.DecideIntervention(InterventionId, InterventionDecision.Granted, "Infohus Hjørring", Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        recommended.DecideIntervention(InterventionId, InterventionDecision.Granted, "INFOHUS", Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        recommended.DecideIntervention(InterventionId, InterventionDecision.Granted, " ", Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        recommended.DecideIntervention(Guid.NewGuid(), InterventionDecision.Granted, "Jobcenter", Now, Bfu).ShouldBeRefused(RefusalKind.NotFound);
        var granted = recommended.DecideIntervention(InterventionId, InterventionDecision.Refused, "Jobcenter Hjørring", Now, Bfu)
            .ShouldAccept<InterventionDecided>();
        granted.Authority.ShouldBe("Jobcenter Hjørring");

        Targeted(CrisisTeam, Recommended, granted)
            .DecideIntervention(InterventionId, InterventionDecision.Granted, "Jobcenter Hjørring", Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Fact]
    public void follow_up_on_the_family_belongs_to_a_targeted_course()
    {
        Specific().OpenFollowUp(Guid.NewGuid(), FollowUpCircle.Siblings, new Assignee(Bfu.UserId, "A member", Bfu.Department), null, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Targeted().OpenFollowUp(Guid.NewGuid(), FollowUpCircle.Siblings, new Assignee(Bfu.UserId, "A member", Bfu.Department), null, Now, Bfu)
            .Events.Select(e => e.GetType()).ShouldBe([typeof(FollowUpOpened), typeof(FollowUpAssigned)]);
    }
}
