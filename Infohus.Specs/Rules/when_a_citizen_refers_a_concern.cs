using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_a_citizen_refers_a_concern
{
    private static Decision Receive(int? age, CitizenSituation? situation = null, MemberRef? by = null) => ReceiveReferralStep.ReceiveReferral(
        CaseId, ReferralSource.Citizen, ReferralChannel.Phone, ReferrerOrganisation.PrivateCitizen, Registration(age),
        Text("Worried about a neighbour."), SubjectDetails.None, ReferrerDetails.None, situation, Plan, Now, by ?? Bfu);

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
    public void a_citizens_referral_is_never_refused_with_or_without_an_age()
    {
        // §4.2.2 II: "må dog aldrig afvise at modtage en bekymring direkte fra en borger".
        Receive(null).Refusal.ShouldBeNull();
        foreach (var age in Enumerable.Range(0, 100))
            Receive(age).Refusal.ShouldBeNull();
    }

    [Fact]
    public void without_the_persons_age_the_ssp_consultant_triages_the_concern_and_the_age_stays_unknown()
    {
        var decision = Receive(null);

        decision.Events.OfType<ReferralReceived>().Single().Registration.Age.ShouldBeNull();
        var routed = decision.Events.OfType<CitizenReferralRouted>().ShouldHaveSingleItem();
        routed.Route.ShouldBe(CitizenRoute.CoordinatorTriage);
        routed.ResponsibleDepartment.ShouldBe(Department.Bfu);
        // It waits for the coordinator, unless the coordinator received it.
        Given([.. decision.Events]).AssignedTo.ShouldBeNull();
        Given([.. Receive(null, by: Coordinator).Events]).AssignedTo.ShouldBe(Coordinator.UserId);
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
    public void a_citizen_case_needs_no_manager_and_no_interview_and_is_guided_or_assessed()
    {
        var state = Given([.. Receive(15).Events]);

        state.InformManager(Now, Bfu).ShouldBeRefused(RefusalKind.RuleBroken);
        state.AllowedActions(Bfu).ShouldBe([CaseAction.Assessment, CaseAction.CitizenGuidance, CaseAction.Disclosures, CaseAction.Registration, CaseAction.Assignment, CaseAction.Notes, CaseAction.Documents]);
    }

    [Fact]
    public void an_employee_referral_is_not_routed_and_may_come_without_an_age()
    {
        var decision = ReceiveReferralStep.ReceiveReferral(CaseId, ReferralSource.Employee, ReferralChannel.Email, ReferrerOrganisation.JobCentre,
            Registration(age: null), Text("Concern."), SubjectDetails.None, ReferrerDetails.None, null, Plan, Now, Bfu);

        decision.ShouldAccept<ReferralReceived>().Registration.Age.ShouldBeNull();
    }

    [Fact]
    public void an_age_outside_0_to_125_or_an_unknown_district_goes_back_to_the_member_to_correct()
    {
        Receive(-1).ShouldBeRefused(RefusalKind.Invalid);
        Receive(126).ShouldBeRefused(RefusalKind.Invalid);
        ReceiveReferralStep.ReceiveReferral(CaseId, ReferralSource.Citizen, ReferralChannel.Phone, ReferrerOrganisation.PrivateCitizen,
            Registration(null) with { District = "atlantis" }, Text("Concern."), SubjectDetails.None, ReferrerDetails.None, null, Plan, Now, Bfu)
            .ShouldBeRefused(RefusalKind.Invalid);
    }
}
