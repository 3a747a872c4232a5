namespace Infohus.EventStore.Members;

/// <summary>What a person does in the system. The coordinator is the BFU SSP consultant.</summary>
public enum Role { Member, Coordinator, Steering, Auditor, Legal }

/// <summary>The Infohus departments (forvaltninger) and the local police (lokalpolitiet).</summary>
public enum Department { Bfu, Saeh, Au, Police }

/// <summary>
/// Who did something: the user id from the token, the role and the department. No name: an event
/// must say who acted without copying anything a person could ask to have erased.
/// </summary>
public sealed record MemberRef(string UserId, Role Role, Department Department);
