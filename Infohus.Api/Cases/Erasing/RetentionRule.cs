using Infohus.EventStore.PersonalData;
using Infohus.Projections.Cases;
using JasperFx;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Infohus.Api.Cases.Erasing;

/// <summary>Runs the retention rule: erase the personal data of every case closed longer than the retention period.</summary>
public sealed record ErasePersonalDataPastRetention;

[WolverineHandler]
public static class RetentionRule
{
    public const string ErasedBy = PersonalDataErased.ByRetentionRule;

    public static async Task Handle(
        ErasePersonalDataPastRetention _, IDocumentStore store, IMessageBus bus, TimeProvider clock, IOptions<PersonalDataSettings> settings, ILogger<ErasePersonalDataPastRetention> logger)
    {
        var now = clock.GetUtcNow();
        var retention = settings.Value.Retention;
        var closedBefore = now - retention;

        await using var query = store.QuerySession();
        var candidates = await query.Query<CaseSummary>()
            .Where(c => c.Status == CaseStatus.Closed && !c.PersonalDataErased && c.ClosedAt <= closedBefore)
            .Select(c => c.Id)
            .ToListAsync();

        var erased = 0;
        foreach (var caseId in candidates)
        {
            // One transaction per case: a case reopened or erased meanwhile is simply left alone.
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Case>(caseId);
            if (stream.Aggregate is not { } state || !state.IsPastRetention(retention, now)) continue;
            var decision = state.ErasePersonalData(ErasureReason.RetentionExpired, null, now, ErasedBy);
            if (decision.IsRefused) continue;
            session.Delete<CaseKey>(caseId);
            CaseDocuments.Erase(session, caseId);
            PersonIndexRows.Forget(session, caseId);
            try
            {
                await session.Save(bus, decision.Events, stream.AppendMany, CancellationToken.None);
                erased++;
            }
            catch (ConcurrencyException)
            {
                // Someone wrote to the case at the same moment; the next run decides again.
            }
        }

        logger.LogInformation("Retention rule erased the personal data of {Erased} of {Candidates} cases", erased, candidates.Count);
    }
}

/// <summary>Triggers the retention rule through Wolverine once a day (and shortly after start).</summary>
public sealed class RetentionSchedule(IServiceProvider services, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new ErasePersonalDataPastRetention());
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
