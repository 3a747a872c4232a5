using Infohus.Api.Cases.Assigning;
using Infohus.Api.Cases.Targeting;

namespace Infohus.Specs.Api.Assigning;

/// <summary>Who has the case: claimed from a department's queue, assigned and reassigned by name, and follow-ups with an owner and a due time.</summary>
public class when_a_case_is_assigned(InfohusApp app) : ApiSpec(app)
{
    private static Assignee Named(Caller member) => new(member.Subject, $"Spec {member.Subject}", member.Department!.Value);

    [Fact]
    public async Task a_citizens_case_routed_to_the_police_waits_in_its_queue_until_a_police_member_claims_it()
    {
        // §4.2.2 II: 18 or over goes to the police representative; the BFU member who received it does not keep it.
        var @case = await Host.Referral(Given.CitizenReferral(40), Caller.BfuMember);
        Ids(await Host.Get("/api/cases?department=police&assignedTo=none", Caller.PoliceMember)).ShouldBe([@case.Id]);
        (await Actions(@case, Caller.PoliceMember)).ShouldContain("claim");
        (await Actions(@case, Caller.SaehMember)).ShouldNotContain("claim");

        (await Host.Post(@case.Url("claim"), new ClaimCase(@case.Version), Caller.SaehMember)).Status.ShouldBe(HttpStatusCode.Forbidden);
        @case = await Host.Step(@case, "claim", new ClaimCase(@case.Version), Caller.PoliceMember);

        Ids(await Host.Get("/api/cases?department=police&assignedTo=none", Caller.PoliceMember)).ShouldBeEmpty();
        var mine = await Host.Get("/api/cases?assignedTo=me", Caller.PoliceMember);
        Ids(mine).ShouldBe([@case.Id]);
        mine.Body!["items"]![0]!["assigneeName"]!.GetValue<string>().ShouldBe("Spec police-member");
        Ids(await Host.Get("/api/cases?assignedTo=me", Caller.BfuMember)).ShouldBeEmpty();
        var state = (await Host.Get(@case.Url(), Caller.PoliceMember)).Body!["state"]!;
        state["assignedTo"]!.GetValue<string>().ShouldBe("police-member");
        state["assignee"]!["department"]!.GetValue<string>().ShouldBe("police");
        (await Actions(@case, Caller.PoliceMember)).ShouldNotContain("claim");
        (await Host.Post(@case.Url("claim"), new ClaimCase(@case.Version), Caller.PoliceMember)).Status.ShouldBe(HttpStatusCode.Conflict);

        var timeline = (await Host.Get(@case.Url("timeline"), Caller.PoliceMember)).Body!.AsArray();
        timeline.Last()!["sentence"]!.GetValue<string>().ShouldBe("Case claimed by Spec police-member (police).");
    }

    [Fact]
    public async Task a_concern_in_the_coordinators_triage_is_the_coordinators_to_claim()
    {
        var @case = await Host.Referral(Given.CitizenReferral(null), Caller.BfuMember);

        (await Host.Post(@case.Url("claim"), new ClaimCase(@case.Version), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Forbidden);
        await Host.Step(@case, "claim", new ClaimCase(@case.Version), Caller.SspConsultant);

        Ids(await Host.Get("/api/cases?assignedTo=me", Caller.SspConsultant)).ShouldBe([@case.Id]);
    }

    [Fact]
    public async Task the_coordinator_or_the_assignee_assigns_it_to_a_member_of_any_department()
    {
        var @case = await Host.ReferralFromEmployee();
        (await Actions(@case, Caller.BfuMember)).ShouldContain("assignment");
        (await Actions(@case, Caller.SaehMember)).ShouldNotContain("assignment");
        (await Host.Post(@case.Url("assignment"), new AssignCase(@case.Version, Named(Caller.AuMember)), Caller.SaehMember))
            .Status.ShouldBe(HttpStatusCode.Forbidden);

        @case = await Host.Step(@case, "assignment", new AssignCase(@case.Version, Named(Caller.AuMember)), Caller.BfuMember);
        (await Host.Post(@case.Url("assignment"), new AssignCase(@case.Version, Named(Caller.PoliceMember)), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        Ids(await Host.Get("/api/cases?assignedTo=me", Caller.AuMember)).ShouldBe([@case.Id]);

        @case = await Host.Step(@case, "assignment", new AssignCase(@case.Version, Named(Caller.PoliceMember)), Caller.SspConsultant);
        var same = await Host.Post(@case.Url("assignment"), new AssignCase(@case.Version, Named(Caller.PoliceMember)), Caller.SspConsultant);
        same.Status.ShouldBe(HttpStatusCode.Conflict, same.ToString());
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);

        var stored = (await Host.StoredEvents(@case.Id)).Select(e => e.Data).OfType<CaseAssigned>().ToList();
        stored.Select(e => (e.Assignee.MemberId, e.AssignedBy.UserId, e.Claimed))
            .ShouldBe([("au-member", "bfu-member", false), ("police-member", "ssp-consultant", false)]);
        Ids(await Host.Get("/api/cases?assignedTo=police-member", Caller.AuMember)).ShouldBe([@case.Id]);
    }

    [Fact]
    public async Task a_closed_case_is_not_assigned_and_an_assignment_names_a_member()
    {
        var open = await Host.ReferralFromEmployee();
        var nameless = await Host.Post(open.Url("assignment"), new AssignCase(open.Version, new Assignee("au-member", " ", Department.Au)), Caller.SspConsultant);
        nameless.Status.ShouldBe(HttpStatusCode.BadRequest, nameless.ToString());

        var closed = await Host.ClosedCase();
        (await Actions(closed, Caller.SspConsultant)).ShouldNotContain("assignment");
        (await Host.Post(closed.Url("assignment"), new AssignCase(closed.Version, Named(Caller.AuMember)), Caller.SspConsultant))
            .Status.ShouldBe(HttpStatusCode.Conflict);
        (await Host.Post(closed.Url("assignment"), new AssignCase(closed.Version, Named(Caller.AuMember)), Caller.Auditor))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_follow_up_gets_an_owner_and_a_due_time_and_is_completed_by_its_owner()
    {
        var @case = await Host.TargetedWithFeedback();
        var due = DateTimeOffset.UtcNow.AddDays(14);
        var opened = await Host.Post(@case.Url("follow-ups"),
            new OpenFollowUp(@case.Version, FollowUpCircle.Siblings, Owner: Named(Caller.SaehMember), DueAt: due), Caller.BfuMember);
        opened.Status.ShouldBe(HttpStatusCode.OK, opened.ToString());
        var followUpId = opened.Body!["followUpId"]!.GetValue<Guid>();
        @case = @case with { Version = opened.Version };
        @case = await Host.Step(@case, "follow-ups", new OpenFollowUp(@case.Version, FollowUpCircle.Family), Caller.BfuMember);

        var followUps = (await Host.Get(@case.Url(), Caller.BfuMember)).Body!["state"]!["followUpList"]!.AsArray();
        followUps.Count.ShouldBe(2);
        followUps[0]!["owner"]!["memberId"]!.GetValue<string>().ShouldBe("saeh-member");
        followUps[0]!["dueAt"]!.GetValue<DateTimeOffset>().ShouldBe(due, TimeSpan.FromMilliseconds(1));
        followUps[1]!["owner"]!["memberId"]!.GetValue<string>().ShouldBe("bfu-member");
        (await Actions(@case, Caller.SaehMember)).ShouldContain("follow-up-completion");

        var url = @case.Url($"follow-ups/{followUpId}/completion");
        (await Host.Post(url, new CompleteFollowUp(@case.Version), Caller.AuMember)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Post(@case.Url($"follow-ups/{Guid.NewGuid()}/completion"), new CompleteFollowUp(@case.Version), Caller.SaehMember))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        var completed = await Host.Post(url, new CompleteFollowUp(@case.Version), Caller.SaehMember);
        completed.Status.ShouldBe(HttpStatusCode.OK, completed.ToString());
        (await Host.Post(url, new CompleteFollowUp(completed.Version), Caller.SaehMember)).Status.ShouldBe(HttpStatusCode.Conflict);

        var state = (await Host.Get(@case.Url(), Caller.BfuMember)).Body!["state"]!["followUpList"]!.AsArray();
        state[0]!["completedAt"].ShouldNotBeNull();
        state[1]!["completedAt"].ShouldBeNull();
        var early = await Host.Post(@case.Url("follow-ups"),
            new OpenFollowUp(completed.Version, FollowUpCircle.Network, DueAt: DateTimeOffset.UtcNow.AddDays(-1)), Caller.BfuMember);
        early.Status.ShouldBe(HttpStatusCode.BadRequest, early.ToString());
    }

    private async Task<string[]> Actions(CaseRef @case, Caller caller) =>
        [.. (await Host.Get(@case.Url(), caller)).Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>())];

    private static Guid[] Ids(Answer answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return [.. answer.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];
    }
}
