using System.Globalization;
using Infohus.EventStore.Hosting;
using Infohus.EventStore.Schema;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Infohus.EventStore.Cases;

/// <summary>
/// A case's reference people can say aloud: the year the referral was received (Danish time) and a
/// number that runs 1, 2, 3… within that year, written <c>2026-0042</c>. The number is taken from a
/// counter row per year inside the referral's own transaction: the row stays locked until the referral
/// commits, so concurrent referrals queue for it and get consecutive numbers, and a referral that does
/// not commit gives its number back. There are no gaps.
/// </summary>
public static class CaseReferences
{
    private static readonly TimeZoneInfo Denmark = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>The year a reference counts in: the referral's business time, in Denmark.</summary>
    public static int YearOf(DateTimeOffset receivedAt) => TimeZoneInfo.ConvertTime(receivedAt, Denmark).Year;

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}-{number:0000}");

    /// <summary>The next number of the year, taken on the connection whose transaction will append the referral.</summary>
    public static async Task<string> TakeNextAsync(NpgsqlConnection connection, int year, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"""
            insert into {InfohusEventStore.Schema}.case_reference_counter as counter (year, last_number) values (@year, 1)
            on conflict (year) do update set last_number = counter.last_number + 1
            returning last_number
            """, connection);
        command.Parameters.AddWithValue("year", year);
        var number = (int)(await command.ExecuteScalarAsync(cancellation))!;
        return Format(year, number);
    }
}

/// <summary>
/// The counter table, beside Marten's own and reset with them: emptying the event table empties it in the
/// same transaction, so an empty store numbers its cases from 1 again.
/// </summary>
public sealed class CaseReferenceSchema(StoreOptions options) : InfohusFeatureSchema("case-references", options)
{
    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var counter = new Table(Named("case_reference_counter")) { PrimaryKeyName = "case_reference_counter_pkey" };
        counter.AddColumn<int>("year").AsPrimaryKey();
        counter.AddColumn<int>("last_number").NotNull();
        yield return counter;

        foreach (var emptied in EmptiedWithTheEvents("case_reference_counter_empty", "case_reference_counter")) yield return emptied;
    }
}
