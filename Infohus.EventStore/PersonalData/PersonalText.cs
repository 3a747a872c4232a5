namespace Infohus.EventStore.PersonalData;

/// <summary>
/// A personal field as events carry it: AES-GCM ciphertext under the case's own key, never clear text.
/// It renders as <c>***</c> wherever it is printed, so it cannot leak into a log by accident.
/// </summary>
public sealed record PersonalText(string Sealed)
{
    public override string ToString() => "***";
}

/// <summary>Who the concern is about. Every field is personal and sealed; all are optional at intake.</summary>
public sealed record SubjectDetails(PersonalText? Name, PersonalText? CprNumber, PersonalText? Address, PersonalText? Contact)
{
    public static readonly SubjectDetails None = new(null, null, null, null);
}

/// <summary>The person who brought the concern (an employee, a partner or a citizen): sealed like the subject.</summary>
public sealed record ReferrerDetails(PersonalText? Name, PersonalText? Contact)
{
    public static readonly ReferrerDetails None = new(null, null);
}
