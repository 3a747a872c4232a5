
namespace Infohus.EventStore.Cases;

/// <summary>Legal or the retention rule destroys the case's key; the events stay.</summary>
public static class ErasePersonalDataStep
{
    /// <summary>
    /// Erasure destroys the case key (the caller deletes it with this event); it is possible in any
    /// state, open or closed, and only once. Legal or the retention rule decides; the policy says who.
    /// </summary>
    public static Decision ErasePersonalData(this Case state, ErasureReason reason, string? reference, DateTimeOffset at, string erasedBy)
    {
        if (state.PersonalDataErased) return Refusal.Conflict("The case's personal data has already been erased.");
        return Decision.Accept(new PersonalDataErased(state.Id, reason, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), at, erasedBy));
    }

    /// <summary>The retention rule: personal data is kept for the configured period after closure, then erased.</summary>
    public static bool IsPastRetention(this Case state, TimeSpan retention, DateTimeOffset now) =>
        state is { Status: CaseStatus.Closed, PersonalDataErased: false, ClosedAt: { } closedAt } && closedAt + retention <= now;
}
