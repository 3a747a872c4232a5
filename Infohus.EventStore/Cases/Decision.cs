namespace Infohus.EventStore.Cases;

/// <summary>How a rule refuses: the API turns each kind into its HTTP status.</summary>
public enum RefusalKind
{
    /// <summary>The input cannot be acted on as given (400).</summary>
    Invalid,
    /// <summary>The actor may not do this (403).</summary>
    Forbidden,
    /// <summary>Something the command names does not exist in the case (404).</summary>
    NotFound,
    /// <summary>The step does not fit the case's current state: out of order, repeated or closed (409).</summary>
    Conflict,
    /// <summary>A rule of the action plan refuses the content of the step (422).</summary>
    RuleBroken
}

/// <summary>Why a step was refused. The reason is shown to members: it never carries personal data.</summary>
public sealed record Refusal(RefusalKind Kind, string Reason)
{
    public static Refusal Invalid(string reason) => new(RefusalKind.Invalid, reason);
    public static Refusal Forbidden(string reason) => new(RefusalKind.Forbidden, reason);
    public static Refusal NotFound(string reason) => new(RefusalKind.NotFound, reason);
    public static Refusal Conflict(string reason) => new(RefusalKind.Conflict, reason);
    public static Refusal RuleBroken(string reason) => new(RefusalKind.RuleBroken, reason);
}

/// <summary>
/// The outcome of a decision: the events to append, or the refusal and nothing to append. Every step of
/// the plan decides the same way, in a file of its own (Cases/&lt;verb&gt;/&lt;step&gt;.cs, Meetings/, Outreach/):
/// a static class holding the step's rule (when it may be taken, which <see cref="CaseRules"/> asks for
/// the allowed actions) and its decision, a pure function over the stream's state (or the new stream's
/// id) returning a Decision. No database, no clock, no HTTP: the caller passes the time and the actor,
/// and personal text already sealed with the case's key (a blank text arrives as null).
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static implicit operator Decision(Refusal refusal) => new([], refusal);
}
