using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>The bekymringsinterview, with both notices given (§4.2.2 I).</summary>
public static class HoldInterviewStep
{
    public static Refusal? Rule(Case state)
    {
        if (!state.ComesFromEmployeeOrPartner)
            return Refusal.RuleBroken("The concern interview is held with a referring employee or external partner (§4.2.2 I).");
        // §4.2.2 I: the manager is told before the interview.
        if (!state.ManagerInformed)
            return Refusal.Conflict("The nearest manager must be informed before the concern interview (§4.2.2 I).");
        return state.InterviewHeld ? Refusal.Conflict("The concern interview has already been held.") : null;
    }

    public static Decision HoldInterview(
        this Case state, bool notificationDutyExplained, bool immigrationServiceDutyExplained, PersonalText? notes,
        DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Interview, actor) is { } refusal) return refusal;
        // §4.2.2 I: the interview points out that a referral does not replace a notification, and
        // tells authority staff of the duty to report to the Immigration Service.
        if (!notificationDutyExplained || !immigrationServiceDutyExplained)
            return Refusal.RuleBroken("At the interview the referrer is told that a referral does not replace a notification, and of the duty to report to the Immigration Service (§4.2.2 I); record both as given.");
        return Decision.Accept(new ConcernInterviewHeld(state.Id, true, true, notes, at, actor));
    }
}
