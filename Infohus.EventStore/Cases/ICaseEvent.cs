using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>
/// What every event on a case's stream says: which case, when it happened (business time) and who
/// acted. Each event keeps its own names for these in its stored JSON (<c>informedAt</c>,
/// <c>informedBy</c>…); it states them here once, as explicit members the serializer never writes.
/// The event store registers every case event from this contract, and the rule specs feed a sample
/// of each into every fold of a case, so a new event that one of them does not handle fails a spec.
/// </summary>
public interface ICaseEvent
{
    Guid CaseId { get; }

    /// <summary>When it happened in the world, as the member said; the store keeps its own recorded time.</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>The member who acted; null for a step no member took (the deadline alarm, an erasure).</summary>
    MemberRef? Actor { get; }
}

/// <summary>A fold of a case met a case event it does not name: a new event someone forgot to handle there.</summary>
public sealed class UnhandledCaseEvent(string fold, ICaseEvent e)
    : InvalidOperationException($"{fold} does not handle {e.GetType().Name}: handle it explicitly (an explicit \"no effect\" counts; a default does not).");

public static class CaseEvents
{
    /// <summary>Every event a case stream can hold, found by the contract; stored names come from the type names.</summary>
    public static readonly IReadOnlyList<Type> Types =
    [
        .. typeof(ICaseEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICaseEvent).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
    ];
}
