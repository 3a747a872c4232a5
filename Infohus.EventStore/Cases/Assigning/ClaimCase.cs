using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>
/// A member takes an unassigned case from their own department's queue: a citizen's concern routed to
/// the police or the SSP consultant waits there until someone claims it (§4.2.2 II). A concern in the
/// coordinator's triage is the coordinator's to claim.
/// </summary>
public static class ClaimCaseStep
{
    public static Refusal? Rule(Case state, MemberRef actor)
    {
        if (state.AssignedTo is not null)
            return Refusal.Conflict("The case is already assigned; the coordinator or its assignee can reassign it.");
        if (state.Route == CitizenRoute.CoordinatorTriage && actor.Role != Role.Coordinator)
            return Refusal.Forbidden("A citizen's concern without the person's age waits for the SSP consultant (the coordinator) to triage it (§4.2.2 II).");
        if (actor.Department != state.ResponsibleDepartment)
            return Refusal.Forbidden("A member claims cases from their own department's queue; the coordinator can assign it to another department.");
        return null;
    }

    public static Decision ClaimCase(this Case state, string name, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Claim, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(name)) return Refusal.Invalid("The token names no member name to show as the case's assignee.");
        return Decision.Accept(new CaseAssigned(state.Id, new Assignee(actor.UserId, name.Trim(), actor.Department), Claimed: true, at, actor));
    }
}
