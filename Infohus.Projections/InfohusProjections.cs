using Infohus.Projections.Cases;
using Infohus.Projections.Disclosures;
using Infohus.Projections.Register;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Projections;
using Infohus.Projections.Statistics;
using Marten;
using Weasel.Core;

namespace Infohus.Projections;

public static class InfohusProjections
{
    /// <summary>Every read model, registered in one place.</summary>
    public static StoreOptions AddInfohusProjections(this StoreOptions opts, RegisterSettings register)
    {
        opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
        // The timeline is no read model: each line is its event rendered when read (CaseTimeline).
        opts.Projections.Add(new DisclosureLogProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<DisclosureLogEntry>().Index(x => x.CaseId).Index(x => x.DisclosedAt);

        opts.Projections.Add(new RegisterProjection(register.Bands()), ProjectionLifecycle.Async);
        // The statistics count a period's referrals by their coded dimensions. Each dimension is kept
        // in a typed column, and the referral-time index carries them all, so a count reads the index
        // alone: parsing each row's JSON made a year's count take 25 ms, the wide rows still 10 ms.
        IReadOnlyList<string> counted = [.. RegisterDimension.CountedFields.Append("reactionHours")];
        opts.Advanced.DuplicatedFieldEnumStorage = EnumStorage.AsString;
        opts.Schema.For<RegisterEntry>().DocumentAlias("register_entry")
            .Duplicate(x => x.ReferredAt, configure: index => index.IncludeColumns = [.. counted.Select(RegisterDimension.ColumnOf)]);
        opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(RegisterEntry)) return;
            foreach (var field in counted)
            {
                var property = typeof(RegisterEntry).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!;
                mapping.DuplicateField([property], columnName: RegisterDimension.ColumnOf(field));
            }
        });
        opts.Schema.For<CaseSummary>()
            .Index(x => x.Status)
            .Index(x => x.ReceivedAt)
            .Index(x => x.ClosedAt);

        // A rebuild sends a batch's inserts (the disclosure log's lines) by binary COPY instead of one
        // statement per row; live writes are not affected.
        opts.Projections.RebuildWithBulkCopy = true;
        // Catch-up and rebuilds read the store in larger slices than the daemon's default of 500:
        // each slice is a round trip and a committed transaction.
        foreach (var projection in opts.Projections.All)
        {
            projection.Options.BatchSize = 5000;
            projection.Options.MaximumHopperSize = 20000;
        }
        return opts;
    }

    /// <summary>
    /// Rebuilds every registered projection from the first event, side by side (after a restore, or
    /// to measure a rebuild). By type: the daemon finds a snapshot by the aggregate it publishes, not by its name.
    /// </summary>
    public static async Task RebuildAllProjections(this DocumentStore store, TimeSpan timeout, CancellationToken cancellation)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await Task.WhenAll(store.Options.Projections.All.Select(source => daemon.RebuildProjectionAsync(
            source is IAggregateProjection aggregate ? aggregate.AggregateType : source.GetType(), timeout, cancellation)));
    }
}
