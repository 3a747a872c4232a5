using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>The referrer's nearest manager is told before the interview (§4.2.2 I).</summary>
public static class InformManagerStep
{
    public static Refusal? Rule(Case state) =>
        !state.ComesFromEmployeeOrPartner
            ? Refusal.RuleBroken("Only a referral from an employee or external partner has a nearest manager to inform (§4.2.2 I).")
            : state.ManagerInformed ? Refusal.Conflict("The nearest manager has already been informed.") : null;

    public static Decision InformManager(this Case state, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.ManagerInformed, actor) ?? Decision.Accept(new NearestManagerInformed(state.Id, at, actor));
}
