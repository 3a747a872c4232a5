using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>The one step a closed case accepts: it goes back to assessment.</summary>
public static class ReopenCaseStep
{
    public static Refusal? Rule(Case state) =>
        state.Status == CaseStatus.Closed ? null : Refusal.Conflict("The case is open; only a closed case can be reopened.");

    public static Decision Reopen(this Case state, PersonalText? reason, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Reopening, actor) is { } refusal) return refusal;
        if (reason is null) return Refusal.Invalid("Say why the case is reopened.");
        return Decision.Accept(new CaseReopened(state.Id, reason, at, actor));
    }
}
