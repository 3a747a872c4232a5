using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_a_citizen_refers_a_concern
{
    private static Decision Receive(int? age, CitizenSituation? situation = null) => CaseDecisions.ReceiveReferral(
        CaseId, ReferralSource.Citizen, ReferralChannel.Phone, ReferrerOrganisation.PrivateCitizen, Registration(age),
        Text("Worried about a neighbour."), SubjectDetails.None, ReferrerDetails.None, situation, Plan, Now, Bfu);

    [Theory]
    [InlineData(0, CitizenRoute.SspConsultant, Department.Bfu)]
    [InlineData(17, CitizenRoute.SspConsultant, Department.Bfu)]
    [InlineData(18, CitizenRoute.PoliceRepresentative, Department.Police)]
    [InlineData(67, CitizenRoute.PoliceRepresentative, Department.Police)]
    public void the_referral_is_routed_by_age_under_18_to_the_ssp_consultant_else_to_the_police(int age, CitizenRoute route, Department department)
    {
        var decision = Receive(age);

        decision.Refusal.ShouldBeNull();
        var routed = decision.Events.OfType<CitizenReferralRouted>().ShouldHaveSingleItem();
        routed.Route.ShouldBe(route);
        routed.ResponsibleDepartment.ShouldBe(department);
        Given([.. decision.Events]).ResponsibleDepartment.ShouldBe(department);
    }

    [Fact]
    public void a_citizens_referral_is_never_refused_only_asked_for_what_routing_needs()
    {
        // Whatever the concern, the only answer short of a case is a request for the age.
        Receive(null).ShouldBeRefused(RefusalKind.Invalid);
        foreach (var age in Enumerable.Range(0, 100))
            Receive(age).Refusal.ShouldBeNull();
    }

    [Fact]
    public void the_citizen_is_guided_to_114_112_or_the_hotline_as_the_situation_needs()
    {
        Receive(30, new CitizenSituation(true, false, false)).Events.OfType<CitizenReferralRouted>().Single().Guidance
            .ShouldBe([CitizenGuidance.Police114]);
        Receive(30, new CitizenSituation(false, true, true)).Events.OfType<CitizenReferralRouted>().Single().Guidance
            .ShouldBe([CitizenGuidance.Emergency112, CitizenGuidance.NationalHotline]);
        Receive(30).Events.OfType<CitizenReferralRouted>().Single().Guidance.ShouldBe([CitizenGuidance.NationalHotline]);
    }

    [Fact]
    public void a_citizen_case_needs_no_manager_and_no_interview_before_assessment()
    {
        var state = Given([.. Receive(15).Events]);

        state.InformManager(Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        state.AllowedActions(Bfu).ShouldBe([CaseAction.Assessment, CaseAction.Disclosures]);
    }

    [Fact]
    public void an_employee_referral_is_not_routed()
    {
        var decision = CaseDecisions.ReceiveReferral(CaseId, ReferralSource.Employee, ReferralChannel.Email, ReferrerOrganisation.JobCentre,
            Registration(age: null), Text("Concern."), SubjectDetails.None, ReferrerDetails.None, null, Plan, Now, Bfu);

        decision.ShouldAccept<ReferralReceived>().Registration.Age.ShouldBeNull();
    }
}
