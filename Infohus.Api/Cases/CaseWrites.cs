using Infohus.EventStore.Members;
using JasperFx;

namespace Infohus.Api.Cases;

/// <summary>Every step on an existing case carries the version it was decided on, and may say when it happened.</summary>
public interface ICaseCommand
{
    /// <summary>The case version the member saw; a stale one is a 409 and appends nothing.</summary>
    long Version { get; }

    /// <summary>Business time: when it happened (defaults to now; never in the future).</summary>
    DateTimeOffset? OccurredAt { get; }
}

/// <summary>The answer to every accepted step: the case and its new version.</summary>
public sealed record CaseVersion(Guid Id, long Version);

public static class CaseWrites
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The one write path for an existing case: load it at the expected version, let the decision
    /// rule, append what it returns, and map refusals and lost races to problem details.
    /// </summary>
    public static async Task<IResult> Decide(
        this IDocumentSession session,
        HttpContext context,
        Guid caseId,
        ICaseCommand? command,
        Func<Case, DateTimeOffset, MemberRef, Decision> decide,
        Func<CaseVersion, object>? respond = null)
    {
        if (command is null) return Problems.Invalid("The request body is missing.");
        if (command.Version < 1) return Problems.Invalid("Give the case version the step was decided on (1 or more).");
        if (BusinessTime(context, command.OccurredAt) is not { } at)
            return Problems.Invalid("occurredAt lies in the future.");

        var stream = await session.Events.FetchForWriting<Case>(caseId, context.RequestAborted);
        if (stream.Aggregate is null) return Problems.UnknownCase();
        if (stream.CurrentVersion != command.Version) return Problems.Stale(command.Version, stream.CurrentVersion ?? 0);

        var decision = decide(stream.Aggregate, at, context.User.ToMemberRef());
        if (decision.Refusal is { } refusal) return Problems.For(refusal);

        stream.AppendMany(decision.Events);
        session.Tag(context);
        try
        {
            await session.SaveChangesAsync(context.RequestAborted);
        }
        catch (ConcurrencyException)
        {
            // Another write on the same version won the race; this one appended nothing.
            return Problems.Stale(command.Version, null);
        }

        var written = new CaseVersion(caseId, command.Version + decision.Events.Count);
        return Results.Ok(respond is null ? written : respond(written));
    }

    /// <summary>The business time of a step, or null when it lies in the future.</summary>
    public static DateTimeOffset? BusinessTime(HttpContext context, DateTimeOffset? occurredAt)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return occurredAt switch
        {
            null => now,
            { } at when at > now + ClockSkew => null,
            { } at => at.ToUniversalTime()
        };
    }

    /// <summary>Metadata that ties events to the request that caused them and to who made it.</summary>
    public static void Tag(this IDocumentSession session, HttpContext context)
    {
        session.CorrelationId ??= context.TraceIdentifier;
        var actor = context.User.ToMemberRef();
        session.SetHeader("user-id", actor.UserId);
        session.SetHeader("role", actor.Role.ClaimValue());
        session.SetHeader("department", actor.Department.ClaimValue());
    }
}
