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

    /// <summary>
    /// The state after one more event. Every case event has its own <c>Apply</c> (an explicit "no effect"
    /// one where the state does not depend on it): Marten would skip a missing one silently, so here it throws.
    /// </summary>
    public static Case Then(this Case state, object e)
    {
        var apply = Appliers.GetOrAdd(e.GetType(), type => typeof(Case).GetMethod(nameof(Case.Apply), [type]));
        if (apply is null)
            throw e is ICaseEvent unhandled ? new UnhandledCaseEvent($"{nameof(Case)}.{nameof(Case.Apply)}", unhandled) : new ArgumentException($"{e.GetType().Name} is no case event.", nameof(e));
        return (Case)apply.Invoke(state, [e])!;
    }
}
