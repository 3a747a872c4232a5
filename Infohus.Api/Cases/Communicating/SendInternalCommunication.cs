namespace Infohus.Api.Cases.Communicating;

/// <summary>§5.3.1: sent by a manager, broadly; what is done, who acts, how to behave, how to make contact.</summary>
public sealed record SendInternalCommunication(
    long Version,
    bool SenderIsManager,
    string SenderFunction,
    IReadOnlyList<InternalAudience> Audience,
    string WhatIsDone,
    string WhoActs,
    string HowToBehave,
    string Contact,
    DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class SendInternalCommunicationEndpoint
{
    [WolverinePost("/api/cases/{id}/internal-communications"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, SendInternalCommunication? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, cipher) => state.SendInternalCommunication(
            command!.SenderIsManager, command.SenderFunction, command.Audience, cipher.Seal(command.WhatIsDone), cipher.Seal(command.WhoActs),
            cipher.Seal(command.HowToBehave), cipher.Seal(command.Contact), at, actor));
}
