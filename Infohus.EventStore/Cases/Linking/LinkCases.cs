using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>A link from this case to a related one, as the case shows it.</summary>
public sealed record CaseLink(Guid OtherCaseId, string? OtherReference, LinkReason Reason, DateTimeOffset LinkedAt);

/// <summary>
/// Related cases linked (issue 15: repeat referrals, siblings, the same group or milieu). Not a step of the
/// action plan, so not among the allowed actions: a closed earlier case must still be linkable to a new one,
/// and linking is open to members and the coordinator on any case whose personal data is not erased.
/// </summary>
public static class LinkCasesStep
{
    public static Refusal? Rule(Case state, Case other, MemberRef actor)
    {
        if (actor.Role is not (Role.Member or Role.Coordinator))
            return Refusal.Forbidden("Only Infohus members and the coordinator link cases.");
        if (state.PersonalDataErased || other.PersonalDataErased)
            return Refusal.Conflict(CaseRules.ErasedCaseIsFrozen);
        if (state.Id == other.Id) return Refusal.Invalid("A case is not linked to itself.");
        if ((state.Links ?? []).Any(l => l.OtherCaseId == other.Id))
            return Refusal.Conflict("The cases are already linked.");
        return null;
    }

    /// <summary>Two events: the first for this case's stream, the second for the other case's.</summary>
    public static Decision LinkCases(this Case state, Case other, LinkReason reason, DateTimeOffset at, MemberRef actor) =>
        Rule(state, other, actor) ?? Decision.Accept(
            new CasesLinked(state.Id, other.Id, other.Reference, reason, at, actor),
            new CasesLinked(other.Id, state.Id, state.Reference, reason, at, actor));
}
