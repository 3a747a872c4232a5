using System.Collections.Concurrent;
using System.Reflection;

namespace Infohus.EventStore.Cases;

/// <summary>
/// The fold Marten runs, in memory: <see cref="Case.Create"/> from the referral, then each event's
/// public <c>Apply</c>. For histories built outside the event store (rule specs, benchmark data).
/// </summary>
public static class CaseReplay
{
    private static readonly ConcurrentDictionary<Type, MethodInfo?> Appliers = new();

    public static Case Replay(IEnumerable<object> events)
    {
        using var each = events.GetEnumerator();
        if (!each.MoveNext() || each.Current is not ReferralReceived referral)
            throw new InvalidOperationException("A case history starts with the referral.");
        var state = Case.Create(referral);
        while (each.MoveNext()) state = state.Then(each.Current);
        return state;
    }

    /// <summary>The state after one more event; an event the state does not depend on (a disclosure) leaves it as it was, as in Marten.</summary>
    public static Case Then(this Case state, object e)
    {
        var apply = Appliers.GetOrAdd(e.GetType(), type => typeof(Case).GetMethod(nameof(Case.Apply), [type]));
        return apply is null ? state : (Case)apply.Invoke(state, [e])!;
    }
}
