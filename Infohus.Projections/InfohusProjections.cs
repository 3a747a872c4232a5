using Infohus.Projections.Cases;
using Infohus.Projections.Timeline;
using JasperFx.Events.Projections;
using Marten;

namespace Infohus.Projections;

public static class InfohusProjections
{
    /// <summary>Every read model, registered in one place.</summary>
    public static StoreOptions AddInfohusProjections(this StoreOptions opts)
    {
        opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<TimelineEntry>().Index(x => x.CaseId);
        opts.Schema.For<CaseSummary>()
            .Index(x => x.Status)
            .Index(x => x.ReceivedAt)
            .Index(x => x.ClosedAt);
        return opts;
    }
}
