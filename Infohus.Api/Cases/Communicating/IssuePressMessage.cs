namespace Infohus.Api.Cases.Communicating;

/// <summary>§5.3.2: 3–5 key messages about the general prevention effort.</summary>
public sealed record IssuePressMessage(long Version, IReadOnlyList<string> KeyMessages, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class IssuePressMessageEndpoint
{
    [WolverinePost("/api/cases/{id}/press/messages"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, IssuePressMessage? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, cipher) =>
        {
            // The case's own protected texts, opened, are what the message is checked against; they never leave this call.
            var subject = state.Subject;
            var texts = CrisisCommunicationStep.ProtectedTexts(state.Id,
                [cipher.Open(state.Description), cipher.Open(subject.Address), cipher.Open(subject.Contact), cipher.Open(state.PreparednessPlan)],
                [cipher.Open(subject.Name), cipher.Open(state.Referrer.Name)],
                cipher.Open(subject.CprNumber));
            return state.IssuePressMessage(command!.KeyMessages, texts, at, actor);
        });
}
