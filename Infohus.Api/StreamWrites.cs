using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;
using Infohus.Api.Cases.Deadlines;
using Infohus.Api.Notices;
using Infohus.Api.Telemetry;
using Infohus.Projections.Cases;
using JasperFx;
using Wolverine;

namespace Infohus.Api;

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

/// <summary>
/// The one write path for every stream: a case's steps, the referral that starts a case, meetings and
/// outreach. A decision is made first (a pure function, in Infohus.EventStore); <see cref="Commit"/>
/// then maps a refusal to problem details, appends what was decided, schedules the reaction deadlines
/// the events set, tags the events with the request and saves. Case steps add the version check and
/// the case's cipher before they decide.
/// </summary>
public static class StreamWrites
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A member's step on a case: the decision gets the state, the business time, the member and the
    /// case's cipher to seal any personal text the step carries.
    /// </summary>
    public static Task<IResult> Decide(
        this IDocumentSession session,
        HttpContext context,
        Guid caseId,
        ICaseCommand? command,
        Func<Case, DateTimeOffset, MemberRef, CaseCipher, Decision> decide,
        Func<CaseVersion, object>? respond = null) =>
        session.Write(context, caseId, command,
            (state, at, cipher) => cipher is null
                ? Refusal.Conflict(CaseRules.ErasedCaseIsFrozen)
                : decide(state, at, context.User.ToMemberRef(), cipher),
            respond);

    /// <summary>
    /// A step on an existing case: load it and its key in one round trip, check the expected version,
    /// let the decision rule, and commit; a race lost at commit is a stale version too.
    /// </summary>
    public static async Task<IResult> Write(
        this IDocumentSession session,
        HttpContext context,
        Guid caseId,
        ICaseCommand? command,
        Func<Case, DateTimeOffset, CaseCipher?, Decision> decide,
        Func<CaseVersion, object>? respond = null)
    {
        if (command is null) return Problems.Invalid("The request body is missing.");
        if (command.Version < 1) return Problems.InvalidField("version", "Give the case version the step was decided on (1 or more).");
        if (BusinessTime(context, command.OccurredAt) is not { } at)
            return Problems.InvalidField("occurredAt", "occurredAt lies in the future.");

        // One connection and transaction for the whole step: reads, append and commit, instead of a
        // pooled connection (and its reset) per round trip.
        await session.BeginTransactionAsync(context.RequestAborted);
        var batch = session.FetchCaseForWriting(caseId, out var fetching, out var loadingKey);
        await batch.Execute(context.RequestAborted);
        var stream = await fetching;
        if (stream.Aggregate is null) return Problems.UnknownCase();
        if (stream.CurrentVersion != command.Version) return Problems.Stale(command.Version, stream.CurrentVersion ?? 0);

        var cipher = context.RequestServices.GetRequiredService<PersonalDataProtection>().Open(await loadingKey);
        var decision = decide(stream.Aggregate, at, cipher);
        return await session.Commit(context, decision, stream.AppendMany,
            () =>
            {
                var written = new CaseVersion(caseId, command.Version + decision.Events.Count);
                return Results.Ok(respond is null ? written : respond(written));
            },
            // Another write on the same version won the race at commit; this one appended nothing
            // (Marten fills the sequence numbers it had taken with tombstones). The winner has
            // committed by now, so the store tells the version to reload.
            lostRace: async () => Problems.Stale(command.Version, await StoredVersion(context, caseId)),
            before: stream.Aggregate);
    }

    /// <summary>
    /// The reads a step on a case needs, in one batch: the case for writing, its key, and its summary,
    /// which the inline summary projection would otherwise read in a round trip of its own before the
    /// write (kept in the session's identity map, where the projection finds it).
    /// </summary>
    public static Marten.Services.BatchQuerying.IBatchedQuery FetchCaseForWriting(this IDocumentSession session, Guid caseId,
        out Task<JasperFx.Events.IEventStream<Case>> fetching, out Task<CaseKey?> loadingKey)
    {
        session.UseIdentityMapFor<CaseSummary>();
        var batch = session.CreateBatchQuery();
        fetching = batch.Events.FetchForWriting<Case>(caseId);
        loadingKey = batch.Load<CaseKey>(caseId)!;
        _ = batch.Load<CaseSummary>(caseId);
        return batch;
    }

    /// <summary>
    /// Where every write ends: a refusal appends nothing; otherwise <paramref name="append"/> puts the
    /// events on their stream (a new one, or one loaded for writing), their reaction deadlines are
    /// scheduled, their notices queued, and the session is tagged and saved.
    /// </summary>
    public static async Task<IResult> Commit(
        this IDocumentSession session,
        HttpContext context,
        Decision decision,
        Action<IReadOnlyList<object>> append,
        Func<IResult> answer,
        Func<Task<IResult>>? lostRace = null,
        Case? before = null)
    {
        var metrics = context.RequestServices.GetRequiredService<InfohusMetrics>();
        if (decision.Refusal is { } refusal)
        {
            metrics.StepRefused(refusal);
            return Problems.For(refusal);
        }

        session.Tag(context);
        try
        {
            await session.Save(context.RequestServices.GetRequiredService<IMessageBus>(), decision.Events, append, context.RequestAborted, before);
        }
        catch (ConcurrencyException) when (lostRace is not null)
        {
            return await lostRace();
        }
        metrics.Accepted(decision.Events);
        return answer();
    }

    /// <summary>
    /// What every accepted write does, a member's through <see cref="Commit"/> and the system's own (the
    /// deadline alarm, the retention rule) directly: put the events on their stream, schedule the
    /// reaction deadlines they set, queue the e-mail notices they call for in the same transaction
    /// (<paramref name="before"/>: the case as it stood, for whom to tell), save.
    /// </summary>
    public static async Task Save(this IDocumentSession session, IMessageBus bus, IReadOnlyList<object> events,
        Action<IReadOnlyList<object>> append, CancellationToken cancellation, Case? before = null)
    {
        append(events);
        await ReactionDeadlines.ScheduleFor(bus, events);
        await using var notices = await session.EnrollNotices(bus, events, before);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>The case's version as committed, read apart from the session whose commit failed.</summary>
    private static async Task<long> StoredVersion(HttpContext context, Guid caseId)
    {
        await using var query = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var state = await query.Events.FetchStreamStateAsync(caseId, context.RequestAborted);
        return state?.Version ?? 0;
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
    private static void Tag(this IDocumentSession session, HttpContext context)
    {
        session.CorrelationId ??= context.TraceIdentifier;
        foreach (var claim in new[] { InfohusClaims.Subject, InfohusClaims.Role, InfohusClaims.Department })
        {
            if (context.User.FindFirst(claim)?.Value is { } value)
                session.SetHeader(claim == InfohusClaims.Subject ? "user-id" : claim, value);
        }
    }
}
