using Infohus.EventStore.PersonalData;

namespace Infohus.Api.Cases.Erasing;

/// <summary>Legal erases a case's personal data: the key is destroyed, the events stay.</summary>
public sealed record ErasePersonalData(long Version, ErasureReason Reason, string? Reference = null, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class ErasePersonalDataEndpoint
{
    [WolverinePost("/api/cases/{id}/erasure"), Authorize(Policy = Policies.Erasure)]
    public static Task<IResult> Post(Guid id, ErasePersonalData? command, IDocumentSession session, HttpContext context) =>
        session.Write(context, id, command, (state, at, _) =>
        {
            var decision = state.ErasePersonalData(command!.Reason, command.Reference, at, context.User.FindFirst(InfohusClaims.Subject)!.Value);
            // The key goes in the same transaction as the event that says so.
            if (!decision.IsRefused)
            {
                session.Delete<CaseKey>(id);
                // The documents' content goes with it: without the key it could not be read anyway.
                CaseDocuments.Erase(session, id);
                // The blind index would still say "this person has a case here": its entries go too.
                PersonIndexRows.Forget(session, id);
            }
            return decision;
        });
}
