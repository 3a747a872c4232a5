namespace Infohus.EventStore.PersonalData;

/// <summary>
/// A case's data key, wrapped (AES-GCM) under the configured master key and stored apart from the
/// events. Deleting it erases every personal field of the case at once, while the events stay.
/// </summary>
public sealed class CaseKey
{
    public Guid Id { get; set; }

    public string WrappedKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
