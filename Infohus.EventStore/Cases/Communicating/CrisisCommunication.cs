using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>Communication in an acute situation, by the crisis team (§5.3): internal (§5.3.1) and to the press (§5.3.2).</summary>
public static class CrisisCommunicationStep
{
    /// <summary>§5.3: the crisis team handles internal and external communication.</summary>
    public static Refusal? Rule(Case state) => state.AfterCrisisTeam("Crisis communication is handled by the crisis team (§4.3, §5.3)");

    public static Decision SendInternalCommunication(
        this Case state, bool senderIsManager, string senderFunction, IReadOnlyList<InternalAudience> audience,
        PersonalText? whatIsDone, PersonalText? whoActs, PersonalText? howToBehave, PersonalText? contact, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.CrisisCommunication, actor) is { } refusal) return refusal;
        // §5.3.1: the sender is a manager.
        if (!senderIsManager) return Refusal.RuleBroken("Internal communication in an acute situation is sent by a manager (§5.3.1).");
        if (string.IsNullOrWhiteSpace(senderFunction) || audience.Count == 0)
            return Refusal.Invalid("Name the sending manager's function and the audience.");
        if (whatIsDone is null || whoActs is null || howToBehave is null || contact is null)
            return Refusal.Invalid("Say what is being done, who acts, how the parties should behave, and how to make contact (§5.3.1).");
        return Decision.Accept(new InternalCommunicationSent(state.Id, senderFunction.Trim(), [.. audience.Distinct()],
            whatIsDone, whoActs, howToBehave, contact, at, actor));
    }

    public static Decision RecordHeadsInformed(this Case state, bool headOfChildrenAndFamily, bool headOfLocalPolice, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.CrisisCommunication, actor) is { } refusal) return refusal;
        if (!headOfChildrenAndFamily || !headOfLocalPolice)
            return Refusal.RuleBroken("Both the head of children and family and the head of local police are informed first (§5.3.2).");
        return Decision.Accept(new PressHeadsInformed(state.Id, at, actor));
    }

    public static Decision AppointSpokesperson(this Case state, string function, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.CrisisCommunication, actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(function)) return Refusal.Invalid("Name the spokesperson's function.");
        return Decision.Accept(new SpokespersonAppointed(state.Id, function.Trim(), at, actor));
    }

    /// <param name="protectedTexts">The case's personal texts, opened, and its identifiers: none may appear in a press message.</param>
    public static Decision IssuePressMessage(this Case state, IReadOnlyList<string> keyMessages, IReadOnlyList<string> protectedTexts, DateTimeOffset at, MemberRef actor)
    {
        if (state.Check(CaseAction.CrisisCommunication, actor) is { } refusal) return refusal;
        if (!state.PressHeadsInformed)
            return Refusal.RuleBroken("The head of children and family and the head of local police are informed before the press (§5.3.2).");
        if (state.Spokesperson is null) return Refusal.RuleBroken("Appoint a spokesperson before the press is addressed (§5.3.2).");
        var messages = keyMessages.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList();
        if (messages.Count is < 3 or > 5) return Refusal.RuleBroken("A press message has 3–5 key messages (§5.3.2).");
        // §5.3.2: the focus is the general prevention effort, never the individual case.
        if (messages.Any(message => protectedTexts.Any(text => message.Contains(text, StringComparison.OrdinalIgnoreCase))))
            return Refusal.RuleBroken("A press message is about the general prevention effort, never the individual case: it may not contain the case's personal data or identifiers (§5.3.2).");
        return Decision.Accept(new PressMessageIssued(state.Id, messages, at, actor));
    }

    /// <summary>What a press message must never contain: each personal text, each word of a name, the CPR number with and without its dash, the case id.</summary>
    public static IReadOnlyList<string> ProtectedTexts(Guid caseId, IEnumerable<string?> personalTexts, IEnumerable<string?> names, string? cpr)
    {
        var texts = new List<string> { caseId.ToString() };
        texts.AddRange(personalTexts.OfType<string>().Where(t => t.Length >= 4));
        texts.AddRange(names.OfType<string>().SelectMany(n => n.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length >= 3));
        if (cpr is not null) texts.AddRange([cpr, cpr.Replace("-", "")]);
        return texts;
    }
}
