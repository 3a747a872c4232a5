using Infohus.Api.Telemetry;
using Wolverine;
using Wolverine.Attributes;

namespace Infohus.Api.Cases.Deadlines;

/// <summary>The alarm of a reaction deadline, scheduled durably (PostgreSQL) for its due time.</summary>
public sealed record CheckReactionDeadline(Guid CaseId, DateTimeOffset DueAt);

[WolverineHandler]
public static class ReactionDeadlines
{
    /// <summary>Schedules an alarm for every due time the accepted events set (intake, a first concern level at intake, and each assessment).</summary>
    public static async Task ScheduleFor(IMessageBus bus, IEnumerable<object> events)
    {
        foreach (var (caseId, at) in DueTimes(events)) await bus.ScheduleAsync(new CheckReactionDeadline(caseId, at), at);
    }

    /// <summary>
    /// The reaction deadlines the events set, by case: the alarms ring at them and the notices remind a day
    /// ahead of them. A triage is appended with the referral: its alarm rings at the staircase's due time,
    /// and the referral's default one rings later and finds the case waiting on another due time.
    /// </summary>
    public static IEnumerable<(Guid CaseId, DateTimeOffset DueAt)> DueTimes(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            var due = e switch
            {
                ReferralReceived received => received.AssessmentDueAt,
                IntakeTriaged triaged => triaged.AssessmentDueAt,
                ConcernAssessed assessed => assessed.FollowUpDueAt,
                ConcernReassessed reassessed => reassessed.FollowUpDueAt,
                _ => null
            };
            if (due is { } at) yield return (((ICaseEvent)e).CaseId, at);
        }
    }

    /// <summary>Fires at the due time; a case acted on in time (or re-assessed, closed) is left alone.</summary>
    public static async Task Handle(CheckReactionDeadline alarm, IDocumentStore store, IMessageBus bus, TimeProvider clock, InfohusMetrics metrics, ILogger<CheckReactionDeadline> logger)
    {
        logger.LogInformation("Reaction deadline alarm for case {CaseId} due {DueAt} rings", alarm.CaseId, alarm.DueAt);
        metrics.DeadlineAlarmRung();
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Case>(alarm.CaseId);
        if (stream.Aggregate is not { } state) return;

        var decision = state.CheckDeadline(alarm.DueAt, clock.GetUtcNow());
        if (decision.Events.Count == 0) return;
        // A write racing this one fails it with a concurrency error; Wolverine retries and it decides again.
        // The missed deadline's notice goes to whoever has the case, in the same transaction.
        await session.Save(bus, decision.Events, stream.AppendMany, CancellationToken.None, before: state);
        metrics.DeadlineMissed();
        logger.LogInformation("Case {CaseId} missed its reaction deadline due {DueAt}", alarm.CaseId, alarm.DueAt);
    }
}
