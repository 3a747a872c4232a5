using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Infohus.Projections.Disclosures;

/// <summary>One §115 disclosure, for legal's log across cases. The necessity text stays sealed.</summary>
public sealed record DisclosureLogEntry(
    Guid Id,
    Guid CaseId,
    DateTimeOffset DisclosedAt,
    MemberRef DisclosedBy,
    Recipient Recipient,
    LegalBasis Basis,
    IReadOnlyList<DataCategory> Categories,
    PersonalText Necessity);

/// <summary>Inline: a disclosure is in the log in the same transaction that records it.</summary>
public sealed partial class DisclosureLogProjection : EventProjection
{
    // The daemon then reads only disclosures when it catches up or rebuilds, not every event.
    public DisclosureLogProjection() => IncludeType<InformationDisclosed>();

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is InformationDisclosed d)
        {
            operations.Store(new DisclosureLogEntry(d.DisclosureId, d.CaseId, d.DisclosedAt, d.DisclosedBy, d.Recipient, d.Basis, d.Categories, d.Necessity));
        }
        return ValueTask.CompletedTask;
    }
}
