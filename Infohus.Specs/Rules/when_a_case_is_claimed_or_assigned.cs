using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_a_case_is_claimed_or_assigned
{
    private static readonly Assignee AuMember = new("au-member", "Au Member", Department.Au);

    private static Case CitizenCaseFor(Department department, int? age) => Given([.. ReceiveReferralStep.ReceiveReferral(
        CaseId, ReferralSource.Citizen, ReferralChannel.Phone, ReferrerOrganisation.PrivateCitizen, Registration(age),
        Text("Worried about a neighbour."), SubjectDetails.None, ReferrerDetails.None, null, Plan, Now,
        department == Department.Police ? Saeh : Police).Events]);

    [Fact]
    public void a_member_claims_an_unassigned_case_of_their_own_department_only()
    {
        var waiting = CitizenCaseFor(Department.Police, 40);
        waiting.AssignedTo.ShouldBeNull();

        waiting.ClaimCase("Saeh Member", Now, Saeh).ShouldBeRefused(RefusalKind.Forbidden);
        var claimed = waiting.ClaimCase("Police Member", Now, Police).ShouldAccept<CaseAssigned>();
        claimed.Assignee.ShouldBe(new Assignee("police-member", "Police Member", Department.Police));
        claimed.Claimed.ShouldBeTrue();
        waiting.Then(claimed).ClaimCase("Police Member", Now, Police).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Fact]
    public void a_triaged_concern_is_claimed_by_the_coordinator()
    {
        var triage = CitizenCaseFor(Department.Bfu, null);
        triage.ClaimCase("Bfu Member", Now, Bfu).ShouldBeRefused(RefusalKind.Forbidden);
        triage.ClaimCase("The SSP consultant", Now, Coordinator).ShouldAccept<CaseAssigned>();
    }

    [Fact]
    public void the_coordinator_or_the_assignee_reassigns_and_never_to_the_same_member()
    {
        var received = Given(Referral());
        received.AssignCase(AuMember, Now, Saeh).ShouldBeRefused(RefusalKind.Forbidden);
        var assigned = received.AssignCase(AuMember, Now, Bfu).ShouldAccept<CaseAssigned>();

        var withAu = received.Then(assigned);
        withAu.AssignedTo.ShouldBe("au-member");
        withAu.AssignCase(AuMember, Now, Coordinator).ShouldBeRefused(RefusalKind.Conflict);
        withAu.AssignCase(AuMember with { MemberId = "bfu-member" }, Now, Bfu).ShouldBeRefused(RefusalKind.Forbidden);
        withAu.AssignCase(new Assignee("police-member", "Police Member", Department.Police), Now, Coordinator).ShouldAccept<CaseAssigned>();
        withAu.AssignCase(AuMember with { Name = " " }, Now, Coordinator).ShouldBeRefused(RefusalKind.Invalid);
    }
}
