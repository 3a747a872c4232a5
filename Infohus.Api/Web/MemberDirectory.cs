using Infohus.EventStore.Members;

namespace Infohus.Api.Web;

/// <summary>
/// The Infohus's members as the municipality lists them in configuration (<c>Infohus:Members</c>: each
/// member's user id as the identity provider gives it, name and department), so the form that assigns a
/// case offers them to choose from instead of asking for a user id nobody knows by heart. Without a
/// list the form asks for the three.
/// </summary>
public sealed class MemberDirectory(IReadOnlyList<Assignee> members)
{
    public const string Section = "Infohus:Members";

    public static readonly MemberDirectory None = new([]);

    public IReadOnlyList<Assignee> Members { get; } = members;

    public Assignee? Find(string? memberId) => Members.FirstOrDefault(m => m.MemberId == memberId);

    /// <summary>Configuration's entries as the binder reads them (<c>Infohus__Members__0__Subject</c> …).</summary>
    public sealed class Entry
    {
        public string? Subject { get; set; }
        public string? Name { get; set; }
        public Department? Department { get; set; }
    }

    /// <summary>The list from configuration; an entry missing a field, or a user id listed twice, stops the start with the entry's number.</summary>
    public static MemberDirectory From(IConfiguration configuration)
    {
        var entries = configuration.GetSection(Section).Get<List<Entry>>() ?? [];
        var members = entries.Select((entry, i) =>
            string.IsNullOrWhiteSpace(entry.Subject) || string.IsNullOrWhiteSpace(entry.Name) || entry.Department is not { } department
                ? throw new InvalidOperationException($"{Section}:{i} needs a Subject (the user id the member signs in with), a Name and a Department (Bfu, Saeh, Au or Police).")
                : new Assignee(entry.Subject.Trim(), entry.Name.Trim(), department)).ToList();
        if (members.Select((m, i) => (m, i)).GroupBy(x => x.m.MemberId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"{Section} lists one user id twice (entries {string.Join(" and ", twice.Select(x => x.i))}).");
        return new MemberDirectory(members);
    }
}
