using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_information_is_disclosed
{
    private static readonly DataCategory[] Categories = [DataCategory.Identity, DataCategory.SchoolOrEducation];

    private static Decision Disclose(MemberRef by, RecipientType recipient = RecipientType.MunicipalSocialServices,
        Provision provision = Provision.Stk2, DisclosurePurpose purpose = DisclosurePurpose.CrimePrevention) =>
        Given(Referral(), ManagerInformed, Interviewed).Disclose(Guid.NewGuid(), new Recipient(recipient, "Hjørring Kommune, Børn og Familie", "social worker"),
            new LegalBasis(Cooperation.Ssp, provision, purpose), Categories, Text("needed to coordinate the effort"), Now, by);

    [Theory]
    [InlineData(RecipientType.Police)]
    [InlineData(RecipientType.MunicipalSocialServices)]
    [InlineData(RecipientType.School)]
    [InlineData(RecipientType.Employment)]
    [InlineData(RecipientType.Health)]
    [InlineData(RecipientType.Psychiatry)]
    [InlineData(RecipientType.PrisonAndProbation)]
    public void an_authority_that_115_covers_may_receive(RecipientType recipient)
    {
        Disclose(Bfu, recipient).ShouldAccept<InformationDisclosed>().Recipient.Type.ShouldBe(recipient);
    }

    [Theory]
    [InlineData(RecipientType.PrivatePerson)]
    [InlineData(RecipientType.Press)]
    [InlineData(RecipientType.Employer)]
    [InlineData(RecipientType.Other)]
    public void a_private_person_the_press_or_an_employer_never_receives(RecipientType recipient)
    {
        Disclose(Bfu, recipient).ShouldBeRefused(RefusalKind.RuleBroken);
    }

    [Fact]
    public void information_is_never_shared_to_investigate_a_criminal_case()
    {
        Disclose(Police, RecipientType.Police, Provision.Stk1, DisclosurePurpose.CriminalInvestigation).ShouldBeRefused(RefusalKind.RuleBroken);
    }

    [Fact]
    public void under_stk_1_the_discloser_is_the_police()
    {
        Disclose(Bfu, provision: Provision.Stk1).ShouldBeRefused(RefusalKind.RuleBroken);
        Disclose(Police, provision: Provision.Stk1).ShouldAccept<InformationDisclosed>().Basis.Provision.ShouldBe(Provision.Stk1);
    }

    [Fact]
    public void a_self_governing_institution_takes_part_under_stk_3()
    {
        Disclose(Bfu, RecipientType.SelfGoverningInstitution, Provision.Stk2).ShouldBeRefused(RefusalKind.RuleBroken);
        Disclose(Bfu, RecipientType.SelfGoverningInstitution, Provision.Stk3).ShouldAccept<InformationDisclosed>();
    }
}
