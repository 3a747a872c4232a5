using Infohus.Projections.Cases;
using Infohus.Projections.Disclosures;
using Infohus.Projections.Register;
using Infohus.Projections.Timeline;
using JasperFx.Events.Projections;
using Marten;

namespace Infohus.Projections;

public static class InfohusProjections
{
    /// <summary>Every read model, registered in one place.</summary>
    public static StoreOptions AddInfohusProjections(this StoreOptions opts, RegisterSettings register)
    {
        opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<TimelineEntry>().Index(x => x.CaseId);
        opts.Projections.Add(new DisclosureLogProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<DisclosureLogEntry>().Index(x => x.CaseId).Index(x => x.DisclosedAt);

        opts.Projections.Add(new RegisterProjection(register.Bands()), ProjectionLifecycle.Async);
        opts.Schema.For<RegisterEntry>().DocumentAlias("register_entry").Duplicate(x => x.ReferredAt);
        opts.Schema.For<CaseSummary>()
            .Index(x => x.Status)
            .Index(x => x.ReceivedAt)
            .Index(x => x.ClosedAt);
        return opts;
    }
}
