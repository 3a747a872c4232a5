using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Infohus.EventStore.Schema;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Infohus.EventStore.PersonalData;

/// <summary>What a blind index entry was made of: the CPR number, or the name with the date of birth.</summary>
public static class PersonIndexKind
{
    public const string Cpr = "cpr";
    public const string NameAndBirthDate = "name-birth";
}

/// <summary>One entry of the blind index: a keyed hash, never the value it was made of.</summary>
public sealed record PersonIndexEntry(string Kind, byte[] Hash);

/// <summary>
/// "Has this person been referred before?" without a readable list of names or CPR numbers: a blind
/// index (after CipherSweet's blind indexes). Each case about a known person gets HMAC-SHA256 hashes,
/// under an index key of its own (neither the master key nor a case key), of the normalised CPR number
/// and of the normalised name with the date of birth. Equal input gives an equal hash, so a lookup
/// hashes what the member types and compares hashes; a database dump holds only the hashes, and
/// without the index key they cannot be tested against guesses. Erasure deletes a case's entries.
/// <para>
/// Normalising: a CPR number becomes its ten digits (<c>DDMMYY-SSSS</c> and <c>DDMMYYSSSS</c> agree).
/// A name is trimmed, its whitespace collapsed to one space, Unicode NFC (a composed and a decomposed
/// "ø"/"é" agree) and lower-cased invariantly; it is joined to the date of birth as <c>DDMMYY</c> (the
/// CPR number's first six digits, or the date a member gives at lookup). A name alone is not indexed:
/// too many people share one. Each kind's input is prefixed with the kind, so the hashes of one kind
/// never match the other's.
/// </para>
/// </summary>
public sealed class PersonIndex
{
    private readonly byte[] _key;

    public PersonIndex(string indexKeyBase64)
    {
        _key = Convert.FromBase64String(indexKeyBase64);
        if (_key.Length != 32) throw new InvalidOperationException("The person index key must be 32 bytes (base64).");
    }

    /// <summary>The entries for a case's subject; none when neither CPR number nor name is known.</summary>
    public IReadOnlyList<PersonIndexEntry> EntriesFor(string? name, string? cprNumber)
    {
        var entries = new List<PersonIndexEntry>();
        if (DigitsOf(cprNumber) is not { } cpr) return entries;
        entries.Add(new PersonIndexEntry(PersonIndexKind.Cpr, Hash(PersonIndexKind.Cpr, cpr)));
        if (NormaliseName(name) is { } normalised)
            entries.Add(new PersonIndexEntry(PersonIndexKind.NameAndBirthDate, Hash(PersonIndexKind.NameAndBirthDate, $"{normalised}|{cpr[..6]}")));
        return entries;
    }

    /// <summary>What a lookup by CPR number compares.</summary>
    public PersonIndexEntry? ForCpr(string cprNumber) =>
        DigitsOf(cprNumber) is { } cpr ? new PersonIndexEntry(PersonIndexKind.Cpr, Hash(PersonIndexKind.Cpr, cpr)) : null;

    /// <summary>What a lookup by name and date of birth compares.</summary>
    public PersonIndexEntry? ForName(string name, DateOnly birthDate) =>
        NormaliseName(name) is { } normalised
            ? new PersonIndexEntry(PersonIndexKind.NameAndBirthDate,
                Hash(PersonIndexKind.NameAndBirthDate, $"{normalised}|{birthDate.ToString("ddMMyy", CultureInfo.InvariantCulture)}"))
            : null;

    private byte[] Hash(string kind, string normalised) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{kind}:{normalised}"));

    private static string? DigitsOf(string? cprNumber)
    {
        if (cprNumber is null) return null;
        var digits = string.Concat(cprNumber.Where(c => c is >= '0' and <= '9'));
        return digits.Length == 10 ? digits : null;
    }

    private static string? NormaliseName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var collapsed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}

/// <summary>
/// The blind index's table (<c>person_index</c>: case id, kind, hash), beside Marten's and reset with
/// them: emptying the event table empties it in the same transaction.
/// </summary>
public sealed class PersonIndexSchema(StoreOptions options) : InfohusFeatureSchema("person-index", options)
{
    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var index = new Table(Named("person_index")) { PrimaryKeyName = "person_index_pkey" };
        index.AddColumn<Guid>("case_id").AsPrimaryKey();
        index.AddColumn("kind", "varchar(20)").AsPrimaryKey();
        index.AddColumn("hash", "bytea").NotNull();
        index.Indexes.Add(new IndexDefinition("person_index_hash") { Columns = ["hash"] });
        yield return index;

        foreach (var emptied in EmptiedWithTheEvents("person_index_empty", "person_index")) yield return emptied;
    }
}

/// <summary>The blind index's reads and writes, all in the caller's session (and so its transaction).</summary>
public static class PersonIndexRows
{
    private static string Table => $"{Hosting.InfohusEventStore.Schema}.person_index";

    /// <summary>Queues the case's entries: written when the session saves, in the case's own transaction.</summary>
    public static void Record(IDocumentSession session, Guid caseId, IEnumerable<PersonIndexEntry> entries)
    {
        foreach (var entry in entries)
            session.QueueSqlCommand($"insert into {Table} (case_id, kind, hash) values (?, ?, ?)", caseId, entry.Kind, entry.Hash);
    }

    /// <summary>Queues the deletion of the case's entries (erasure).</summary>
    public static void Forget(IDocumentSession session, Guid caseId) =>
        session.QueueSqlCommand($"delete from {Table} where case_id = ?", caseId);

    /// <summary>The cases with any of these entries.</summary>
    public static async Task<IReadOnlyList<Guid>> CasesWith(IQuerySession session, IEnumerable<PersonIndexEntry> entries, CancellationToken cancellation)
    {
        var found = new List<Guid>();
        foreach (var entry in entries)
            found.AddRange(await session.QueryAsync<Guid>($"select case_id from {Table} where kind = ? and hash = ?", cancellation, entry.Kind, entry.Hash));
        return [.. found.Distinct()];
    }

    /// <summary>The other cases that share an entry with this one: about the same person.</summary>
    public static async Task<IReadOnlyList<Guid>> SamePersonAs(IQuerySession session, Guid caseId, CancellationToken cancellation) =>
        [.. await session.QueryAsync<Guid>($"""
            select distinct other.case_id from {Table} mine
            join {Table} other on other.kind = mine.kind and other.hash = mine.hash and other.case_id <> mine.case_id
            where mine.case_id = ?
            """, cancellation, caseId)];
}
