using Infohus.Api.Idempotency;
using Infohus.EventStore.Audit;
using Infohus.EventStore.Hosting;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Infohus.Specs.Api.Hosting;

/// <summary>
/// The audit chain's and the idempotency keys' tables, functions and triggers are Marten's schema:
/// a fresh database gets all of them, Marten's own check finds nothing missing, and a database
/// installed before they moved there is taken as it is, with its data.
/// </summary>
public class when_the_schema_is_installed
{
    private static readonly string[] Tables = ["audit_chain", "audit_checkpoint", "audit_checkpoint_head", "idempotency"];
    private static readonly string[] Functions = ["audit_chain_empty", "audit_chain_link", "audit_event_hash", "idempotency_empty"];
    private static readonly string[] Triggers = ["audit_chain_empty", "audit_chain_link", "idempotency_empty"];

    /// <summary>What the start-up of the code before issue 14 ran, word for word, after Marten had created its own tables.</summary>
    private const string InstalledBeforeIssue14 = """
        create table if not exists infohus.audit_chain (
            seq_id bigint primary key,
            stream_id uuid not null,
            version bigint not null,
            hash bytea not null,
            unique (stream_id, version));

        create table if not exists infohus.audit_checkpoint (
            id bigserial primary key,
            up_to_seq bigint not null,
            event_count bigint not null,
            hash bytea not null,
            created_at timestamptz not null default now());

        create table if not exists infohus.audit_checkpoint_head (
            checkpoint_id bigint not null,
            stream_id uuid not null,
            version bigint not null,
            hash bytea not null,
            primary key (checkpoint_id, stream_id));

        create or replace function infohus.audit_event_hash(previous bytea, stream_id uuid, version bigint, type varchar, data jsonb)
        returns bytea language sql immutable as $$
            select sha256(coalesce(previous, '\x'::bytea) || convert_to(stream_id::text || '|' || version::text || '|' || type || '|' || data::text, 'UTF8'))
        $$;

        create or replace function infohus.audit_chain_link() returns trigger language plpgsql as $$
        declare previous bytea;
        begin
            -- Marten's tombstones stay out of the chains: they hold no event, and arrive at any time
            -- after the failed append whose sequence numbers they fill. The verification checks them.
            if new.type = 'tombstone' then return new; end if;
            select hash into previous from infohus.audit_chain where stream_id = new.stream_id and version = new.version - 1;
            insert into infohus.audit_chain (seq_id, stream_id, version, hash)
            values (new.seq_id, new.stream_id, new.version, infohus.audit_event_hash(previous, new.stream_id, new.version, new.type, new.data));
            return new;
        end $$;

        drop trigger if exists audit_chain_link on infohus.mt_events;
        create trigger audit_chain_link after insert on infohus.mt_events for each row execute function infohus.audit_chain_link();

        create table if not exists infohus.idempotency (
            caller text not null,
            key text not null,
            request_hash bytea not null,
            status int,
            content_type text,
            body bytea,
            created_at timestamptz not null default now(),
            primary key (caller, key));
        create index if not exists idempotency_created_at on infohus.idempotency (created_at);
        """;

    [Fact]
    public async Task a_fresh_database_gets_every_table_function_and_trigger_and_marten_finds_nothing_missing()
    {
        var connectionString = await SpecDatabases.Fresh("infohus_schema_fresh");
        await using var host = await SpecDatabases.Host(connectionString);

        var found = await Catalog(connectionString);
        found.Tables.ShouldBe(Tables);
        found.Functions.ShouldBe(Functions);
        found.Triggers.ShouldBe(Triggers);
        await host.DocumentStore().Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }

    [Fact]
    public async Task a_database_installed_before_keeps_its_tables_and_data_and_only_gains_what_it_lacked()
    {
        var connectionString = await SpecDatabases.Fresh("infohus_schema_before");
        Guid stream;
        using (var before = DocumentStore.For(opts => opts.ConfigureInfohusEventStore(connectionString)))
        {
            await before.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await Execute(connectionString, InstalledBeforeIssue14);
            await using var session = before.LightweightSession();
            stream = session.Events.StartStream<Case>(SampleEvents.Of(typeof(ReferralReceived)), SampleEvents.Of(typeof(NearestManagerInformed)), SampleEvents.Of(typeof(ConcernInterviewHeld))).Id;
            await session.SaveChangesAsync();
        }
        await using (var connection = await Open(connectionString))
        {
            (await AuditChain.CheckpointAsync(connection, 3, CancellationToken.None)).ShouldNotBeNull();
            await Execute(connectionString, "insert into infohus.idempotency (caller, key, request_hash, status) values ('member', 'kept', '\\x01', 201)");
        }
        var rowsBefore = await RowCounts(connectionString);

        using var store = Store(connectionString);
        var migration = await store.Storage.Database.CreateMigrationAsync();
        var pending = string.Join("\n", migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None).Select(d =>
        {
            var sql = new StringWriter();
            d.WriteUpdate(store.Options.Advanced.Migrator, sql);
            return sql.ToString();
        }));
        var ours = migration.Deltas.Where(d => Tables.Contains(d.SchemaObject.Identifier.Name) || Triggers.Contains(d.SchemaObject.Identifier.Name)
            || Functions.Contains(d.SchemaObject.Identifier.Name)).ToLookup(d => d.SchemaObject.Identifier.Name, d => d.Difference);
        foreach (var table in Tables.Except(["idempotency"])) ours[table].ShouldBe([SchemaPatchDifference.None], $"{table} as the old start-up created it; pending: {pending}");
        // Issue 17: a kept answer keeps its Location, so the key table gains that column, and its rows stay.
        ours["idempotency"].ShouldBe([SchemaPatchDifference.Update], $"idempotency gains only location; pending: {pending}");
        pending.ShouldContain("location");
        ours["audit_event_hash"].ShouldBe([SchemaPatchDifference.None]);
        ours["audit_chain_link"].ShouldBe([SchemaPatchDifference.None, SchemaPatchDifference.None], "the function and its trigger");
        ours["audit_chain_empty"].ShouldBe([SchemaPatchDifference.Create, SchemaPatchDifference.Create]);
        ours["idempotency_empty"].ShouldBe([SchemaPatchDifference.Create, SchemaPatchDifference.Create]);

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await RowCounts(connectionString)).ShouldBe(rowsBefore);
        (await Catalog(connectionString)).Triggers.ShouldBe(Triggers);
        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(stream, SampleEvents.Of(typeof(ConcernAssessed)));
            await session.SaveChangesAsync();
        }
        await using (var connection = await Open(connectionString))
        {
            var verification = await AuditChain.VerifyAsync(connection, CancellationToken.None);
            verification.Intact.ShouldBeTrue(string.Join("; ", verification.Breaks.Select(b => b.Problem)));
            verification.Events.ShouldBe(4);
            verification.Checkpoints.ShouldBe(1);
        }
    }

    [Fact]
    public async Task a_changed_trigger_function_is_replaced_in_place_and_keeps_its_trigger()
    {
        var connectionString = await SpecDatabases.Fresh("infohus_schema_changed");
        using var store = Store(connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await Execute(connectionString, """
            create or replace function infohus.audit_chain_link() returns trigger language plpgsql as $$
            begin return new; end $$;
            """);

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await Catalog(connectionString)).Triggers.ShouldBe(Triggers, "Weasel's drop … cascade would have taken the trigger");
        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Case>(SampleEvents.Of(typeof(ReferralReceived)));
            await session.SaveChangesAsync();
        }
        await using var connection = await Open(connectionString);
        var verification = await AuditChain.VerifyAsync(connection, CancellationToken.None);
        verification.Intact.ShouldBeTrue(string.Join("; ", verification.Breaks.Select(b => b.Problem)));
        verification.Events.ShouldBe(1);
    }

    /// <summary>The event store as the API configures it, with its two features of our own.</summary>
    private static DocumentStore Store(string connectionString) => DocumentStore.For(opts =>
    {
        opts.ConfigureInfohusEventStore(connectionString);
        opts.Storage.Add(new AuditTrailSchema(opts));
        opts.Storage.Add(new IdempotencySchema(opts));
    });

    private static async Task<(string[] Tables, string[] Functions, string[] Triggers)> Catalog(string connectionString)
    {
        await using var connection = await Open(connectionString);
        return (
            await Names(connection, $"select table_name from information_schema.tables where table_schema = 'infohus' and table_name = any(@names) order by 1", Tables),
            await Names(connection, "select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'infohus' and p.proname = any(@names) order by 1", Functions),
            await Names(connection, "select t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'infohus' and c.relname = 'mt_events' and not t.tgisinternal and t.tgname = any(@names) order by 1", Triggers));
    }

    private static async Task<string[]> Names(NpgsqlConnection connection, string sql, string[] names)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("names", names);
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetString(0));
        return [.. found];
    }

    private static async Task<Dictionary<string, long>> RowCounts(string connectionString)
    {
        await using var connection = await Open(connectionString);
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables.Append("mt_events"))
        {
            await using var command = new NpgsqlCommand($"select count(*) from infohus.{table}", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = await Open(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
