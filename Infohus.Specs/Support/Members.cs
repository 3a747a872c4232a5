namespace Infohus.Specs.Support;

/// <summary>The people in the specs: one token each, signed like a development token.</summary>
public sealed record Caller(string Subject, Role Role, Department? Department)
{
    public static readonly Caller SspConsultant = new("ssp-consultant", Role.Coordinator, EventStore.Members.Department.Bfu);
    public static readonly Caller BfuMember = new("bfu-member", Role.Member, EventStore.Members.Department.Bfu);
    public static readonly Caller SaehMember = new("saeh-member", Role.Member, EventStore.Members.Department.Saeh);
    public static readonly Caller AuMember = new("au-member", Role.Member, EventStore.Members.Department.Au);
    public static readonly Caller PoliceMember = new("police-member", Role.Member, EventStore.Members.Department.Police);
    public static readonly Caller Steering = new("steering-chief", Role.Steering, null);
    public static readonly Caller Auditor = new("auditor", Role.Auditor, null);
    public static readonly Caller Legal = new("legal", Role.Legal, null);

    /// <summary>No token at all.</summary>
    public static readonly Caller Anonymous = new("", Role.Member, null);

    public override string ToString() => Subject.Length == 0 ? "anonymous" : Subject;
}
