namespace Infohus.Api.Cases.Journal;

/// <summary>A note in the case's running journal (journalnotat): a phone call, a school contact, a meeting; the text is sealed.</summary>
public sealed record AddJournalNote(long Version, JournalNoteKind Kind, string Text, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class AddJournalNoteEndpoint
{
    [WolverinePost("/api/cases/{id}/notes"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, AddJournalNote? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, cipher) => state.AddNote(command!.Kind, cipher.Seal(command.Text), at, actor));
}
