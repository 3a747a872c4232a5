using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>After feedback b) the Infohus joins a crisis team of the departments and the police (§4.3).</summary>
public static class ConveneCrisisTeamStep
{
    public static Refusal? Rule(Case state)
    {
        if (state.Feedback != FeedbackKind.Targeted)
            return Refusal.Conflict("A crisis team follows feedback b) on a targeted intervention (§4.2.2 I b).");
        return state.CrisisTeam.Count > 0 ? Refusal.Conflict("The crisis team has already been convened.") : null;
    }

    public static Decision ConveneCrisisTeam(this Case state, IReadOnlyList<Department> departments, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.CrisisTeam, actor) is { } refusal) return refusal;
        var team = departments.Distinct().ToList();
        // §4.3: a crisis team spans the relevant departments and the police.
        if (!team.Contains(Department.Police) || team.Count < 2)
            return Refusal.RuleBroken("A crisis team spans the relevant municipal departments and the police (§4.3).");
        return Decision.Accept(new CrisisTeamConvened(state.Id, team, at, actor));
    }
}
