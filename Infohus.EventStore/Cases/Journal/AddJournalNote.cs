using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>
/// A note in the running journal (journalnotat): a phone call, a school contact, a meeting. The journal
/// runs beside the plan's steps, so a note is taken at any stage of an open case, also after a hand-over
/// or a redirection (the referring authority or the other body calls back); a closed or erased case takes none.
/// </summary>
public static class AddJournalNoteStep
{
    // Closed and erased cases are refused before this rule is asked (CaseRules.Check).
    public static Refusal? Rule(Case state) => null;

    public static Decision AddNote(this Case state, JournalNoteKind kind, PersonalText? text, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.Notes, actor) is { } refusal) return refusal;
        if (text is null) return Refusal.Invalid("Write the journal note's text.");
        return Decision.Accept(new JournalNoteAdded(state.Id, kind, text, at, actor));
    }
}
