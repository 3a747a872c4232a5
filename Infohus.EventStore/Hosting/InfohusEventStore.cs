using Infohus.EventStore.Cases;
using Infohus.EventStore.Meetings;
using Infohus.EventStore.Outreach;
using Infohus.EventStore.PersonalData;
using Marten;
using Weasel.Core;

namespace Infohus.EventStore.Hosting;

public static class InfohusEventStore
{
    public const string Schema = "infohus";

    /// <summary>The event store: one stream per case, events as camelCase JSON with enums as strings.</summary>
    public static StoreOptions ConfigureInfohusEventStore(this StoreOptions opts, string connectionString)
    {
        opts.Connection(WithPreparedStatements(connectionString));
        opts.DatabaseSchemaName = Schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        // Who acted is in each event; the request that caused it is in the metadata.
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;

        // Rich appends give inline projections the stream version (the timeline shows it).
        opts.Events.AppendMode = JasperFx.Events.EventAppendMode.Rich;
        // Every case event up front, found by its contract, so stored type names never depend on load order.
        opts.Events.AddEventTypes(CaseEvents.Types);
        // The case state is kept as a snapshot in the writing transaction, so a write loads one row
        // however long the case's history has grown (the benchmark showed live folding grow with it).
        opts.Projections.Snapshot<Case>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Schema.For<Case>().DocumentAlias("case_state");
        opts.Events.AddEventType<MeetingCalled>();
        opts.Events.AddEventTypes([typeof(OutreachMeetingHeld), typeof(OutreachMeetingCorrected), typeof(NewsletterSent), typeof(CourseTaken), typeof(AdviceGiven)]);
        opts.Projections.Snapshot<Meeting>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Schema.For<Meeting>().Duplicate(x => x.Date);

        // Case keys live apart from the events; deleting one erases the case's personal data.
        opts.Schema.For<CaseKey>().DocumentAlias("case_key");
        return opts;
    }

    /// <summary>
    /// Every write runs the same few statements; without preparation PostgreSQL parses each one anew
    /// (the largest part of its time per command, the benchmark showed). Npgsql prepares the frequent
    /// ones per connection unless the connection string already says otherwise, and PostgreSQL then
    /// plans each once (a generic plan) instead of on every execution. Random reads are priced as on
    /// SSD or cached storage (<c>random_page_cost=1.1</c> instead of 4, which prices a spinning disk):
    /// at 4, the generic plan of the daemon's event paging hash-joins the streams and sorts the whole
    /// remaining range on every page (73 ms instead of 7 ms a page at 90 000 events); at 1.1 it walks
    /// the events in order and stops at the page's end. Until this round every connection forced
    /// custom plans for that one query, which made every write plan every statement anew.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 100;
        // Fail fast when the server is out of reach: a request waits at most this long for a
        // connection (Npgsql's default is 15 s) before it is answered with a 503.
        if (!HasKey(connectionString, "Timeout")) builder.Timeout = 5;
        // A connection back in the pool is not reset (DISCARD ALL and its kin: seven statements, one
        // round trip, before every command's first): nothing here keeps session state between uses
        // (no temporary tables, session settings or session advisory locks outside the daemon's own
        // held connection), and the prepared statements survive a reset anyway.
        if (!HasKey(connectionString, "No Reset On Close")) builder.NoResetOnClose = true;
        if (builder.Options?.Contains("random_page_cost", StringComparison.Ordinal) != true)
            builder.Options = $"{builder.Options} -c random_page_cost=1.1".Trim();
        return builder.ConnectionString;
    }

    private static bool HasKey(string connectionString, string key) =>
        connectionString.Split(';').Any(part => part.Split('=')[0].Trim().Equals(key, StringComparison.OrdinalIgnoreCase));
}
