namespace Infohus.Api.Cases.Disclosing;

/// <summary>A disclosure under retsplejelovens §115, recorded on the case so it can be proved afterwards.</summary>
public sealed record DiscloseInformation(
    long Version,
    Recipient Recipient,
    LegalBasis Basis,
    IReadOnlyList<DataCategory> Categories,
    string Necessity,
    DateTimeOffset? OccurredAt = null) : ICaseCommand;

public sealed record DisclosureReceipt(Guid Id, long Version, Guid DisclosureId);

public static class DiscloseInformationEndpoint
{
    [WolverinePost("/api/cases/{id}/disclosures"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, DiscloseInformation? command, IDocumentSession session, HttpContext context)
    {
        var disclosureId = Guid.CreateVersion7();
        return session.Decide(context, id, command,
            (state, at, actor, cipher) => state.Disclose(disclosureId, command!.Recipient, command.Basis, command.Categories,
                cipher.Seal(command.Necessity), at, actor),
            written => new DisclosureReceipt(written.Id, written.Version, disclosureId));
    }
}
