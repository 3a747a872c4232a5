using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>The crisis team's beredskabsplan (§4.3).</summary>
public static class AdoptPreparednessPlanStep
{
    public static Refusal? Rule(Case state) => state.AfterCrisisTeam("The crisis team writes the preparedness plan (§4.3)");

    public static Decision AdoptPreparednessPlan(this Case state, PersonalText? plan, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.PreparednessPlan, actor) is { } refusal) return refusal;
        if (plan is null) return Refusal.Invalid("Describe the preparedness plan.");
        return Decision.Accept(new PreparednessPlanAdopted(state.Id, plan, at, actor));
    }
}
