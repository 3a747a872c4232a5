using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_the_registration_is_completed
{
    private static Registration Learned(int? age) => Registration(age) with
    {
        Family = FamilyNetwork.ExtremistRelations,
        WarningSigns = [WarningSign.ContactWithExtremists, WarningSign.ChangedBehaviour, WarningSign.ContactWithExtremists]
    };

    [Fact]
    public void a_member_adds_and_corrects_the_coded_fields_learned_after_intake_and_the_case_follows()
    {
        var interviewed = Given(Referral(), ManagerInformed, Interviewed);

        var corrected = interviewed.CorrectRegistration(Learned(17), Plan, Now, Bfu).ShouldAccept<RegistrationCorrected>();

        corrected.Registration.Age.ShouldBe(17);
        corrected.Registration.WarningSigns.ShouldBe([WarningSign.ContactWithExtremists, WarningSign.ChangedBehaviour]);
        Given(Referral(), ManagerInformed, Interviewed, corrected).Registration.ShouldBe(corrected.Registration);
    }

    [Fact]
    public void a_correction_holds_a_possible_age_a_known_district_and_changes_something()
    {
        var received = Given(Referral());

        received.CorrectRegistration(Learned(126), Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        received.CorrectRegistration(Learned(17) with { District = "atlantis" }, Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        received.CorrectRegistration(received.Registration, Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        received.CorrectRegistration(received.Registration with { WarningSigns = [.. received.Registration.WarningSigns.Reverse()] }, Plan, Now, Bfu)
            .ShouldBeRefused(RefusalKind.Conflict);
        // An age given too soon can be taken back to unknown.
        received.CorrectRegistration(received.Registration with { Age = null }, Plan, Now, Bfu).ShouldAccept<RegistrationCorrected>();
    }

    [Theory]
    [InlineData(15, CitizenRoute.SspConsultant, Department.Bfu)]
    [InlineData(18, CitizenRoute.PoliceRepresentative, Department.Police)]
    public void when_the_age_becomes_known_a_triaged_concern_is_routed_by_it(int age, CitizenRoute route, Department department)
    {
        var triaged = Given(CitizenReferral(null, Coordinator));

        var decision = triaged.CorrectRegistration(Learned(age), Plan, Now, Coordinator);

        decision.Refusal.ShouldBeNull();
        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(RegistrationCorrected), typeof(CitizenReferralRerouted)]);
        var rerouted = decision.Events.OfType<CitizenReferralRerouted>().Single();
        rerouted.Route.ShouldBe(route);
        rerouted.ResponsibleDepartment.ShouldBe(department);

        var state = Given([.. CitizenReferral(null, Coordinator), .. decision.Events]);
        state.Route.ShouldBe(route);
        state.ResponsibleDepartment.ShouldBe(department);
        // The coordinator keeps a young person's concern; an adult's waits for the police representative.
        state.AssignedTo.ShouldBe(department == Department.Bfu ? Coordinator.UserId : null);
    }

    [Fact]
    public void a_concern_stays_in_triage_while_the_age_is_unknown_and_one_routed_by_age_stays_with_its_handler()
    {
        Given(CitizenReferral(null)).CorrectRegistration(Learned(null), Plan, Now, Bfu).ShouldAccept<RegistrationCorrected>();

        var corrected = Given(CitizenReferral(16)).CorrectRegistration(Learned(19), Plan, Now, Bfu).ShouldAccept<RegistrationCorrected>();
        Given([.. CitizenReferral(16), corrected]).Route.ShouldBe(CitizenRoute.SspConsultant);
    }

    [Fact]
    public void the_registration_follows_a_handed_over_or_redirected_case_but_not_a_closed_one()
    {
        Specific(new CaseHandedOver(CaseId, "Sindal School", Now, Bfu)).CorrectRegistration(Learned(17), Plan, Now, Bfu)
            .ShouldAccept<RegistrationCorrected>();
        Given(Referral(), ManagerInformed, Interviewed, NotExtremism, new ReferralRedirected(CaseId, "Children and Family", RedirectionReason.ForcedMarriage, Now, Bfu))
            .CorrectRegistration(Learned(17), Plan, Now, Bfu).ShouldAccept<RegistrationCorrected>();
        Given(Referral(), ManagerInformed, Interviewed, NotExtremism,
                new ReferralRedirected(CaseId, "Children and Family", RedirectionReason.ForcedMarriage, Now, Bfu), new CaseClosed(CaseId, Now, Bfu))
            .CorrectRegistration(Learned(17), Plan, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Given(Referral()).CorrectRegistration(Learned(17), Plan, Now, Steering).ShouldBeRefused(RefusalKind.Forbidden);
    }

    [Fact]
    public void a_triaged_concern_passed_on_to_another_body_is_not_routed_in_the_infohus_when_its_age_becomes_known()
    {
        var redirected = Given([.. CitizenReferral(null), NotExtremism, new ReferralRedirected(CaseId, "Children and Family", RedirectionReason.ForcedMarriage, Now, Bfu)]);

        redirected.CorrectRegistration(Learned(30), Plan, Now, Bfu).ShouldAccept<RegistrationCorrected>();
    }
}
