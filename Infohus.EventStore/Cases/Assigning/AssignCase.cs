using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>
/// The coordinator (the SSP consultant, who coordinates daily) or the member who has the case assigns
/// or reassigns it to a named member of any department.
/// </summary>
public static class AssignCaseStep
{
    public static Refusal? Rule(Case state, MemberRef actor) =>
        actor.Role == Role.Coordinator || actor.UserId == state.AssignedTo
            ? null
            : Refusal.Forbidden("Only the coordinator or the member who has the case assigns it to someone else.");

    public static Decision AssignCase(this Case state, Assignee to, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Assignment, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(to.MemberId) || string.IsNullOrWhiteSpace(to.Name))
            return Refusal.Invalid("Name the member the case is assigned to: memberId, name and department.");
        if (to.MemberId.Trim() == state.AssignedTo)
            return Refusal.Conflict("The case is already assigned to that member.");
        return Decision.Accept(new CaseAssigned(state.Id, to with { MemberId = to.MemberId.Trim(), Name = to.Name.Trim() }, Claimed: false, at, actor));
    }
}
