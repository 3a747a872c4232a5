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

public class when_a_follow_up_is_completed
{
    private static readonly Guid FollowUpId = Guid.Parse("0195a1b2-0000-7000-8000-0000000000f1");

    [Fact]
    public void its_owner_the_cases_assignee_or_the_coordinator_completes_it_once()
    {
        var opened = Targeted().OpenFollowUp(FollowUpId, FollowUpCircle.Family, new Assignee(Saeh.UserId, "Saeh Member", Saeh.Department), Now.AddDays(7), Now, Bfu);
        var state = Targeted([.. opened.Events]);
        state.FollowUpList.ShouldNotBeNull().ShouldHaveSingleItem().Owner!.MemberId.ShouldBe(Saeh.UserId);

        state.CompleteFollowUp(FollowUpId, Now, Police).ShouldBeRefused(RefusalKind.Forbidden);
        state.CompleteFollowUp(Guid.NewGuid(), Now, Saeh).ShouldBeRefused(RefusalKind.NotFound);
        state.CompleteFollowUp(FollowUpId, Now, Bfu).ShouldAccept<FollowUpCompleted>();
        state.CompleteFollowUp(FollowUpId, Now, Coordinator).ShouldAccept<FollowUpCompleted>();
        var done = state.Then(state.CompleteFollowUp(FollowUpId, Now, Saeh).ShouldAccept<FollowUpCompleted>());
        done.AllowedActions(Saeh).ShouldNotContain(CaseAction.FollowUpCompletion);
        done.CompleteFollowUp(FollowUpId, Now, Saeh).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Fact]
    public void a_follow_up_opened_before_owners_existed_has_none_and_the_cases_assignee_completes_it()
    {
        var state = Targeted(new FollowUpOpened(CaseId, FollowUpId, FollowUpCircle.Network, Now, Bfu));
        state.FollowUpList.ShouldNotBeNull().ShouldHaveSingleItem().Owner.ShouldBeNull();
        state.CompleteFollowUp(FollowUpId, Now, Saeh).ShouldBeRefused(RefusalKind.Forbidden);
        state.CompleteFollowUp(FollowUpId, Now, Bfu).ShouldAccept<FollowUpCompleted>();
    }

    [Fact]
    public void a_follow_up_is_due_after_it_is_opened() =>
        Targeted().OpenFollowUp(FollowUpId, FollowUpCircle.Family, new Assignee(Bfu.UserId, "Bfu Member", Bfu.Department), Now, Now, Bfu)
            .ShouldBeRefused(RefusalKind.Invalid);
}
