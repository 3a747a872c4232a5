using Infohus.EventStore.Schema;
using JasperFx.Events;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace Infohus.EventStore.Audit;

/// <summary>
/// The audit chain's tables, functions and triggers as part of Marten's schema, so that start-up,
/// <c>db-apply</c>/<c>db-patch</c>/<c>db-assert</c> and a fresh database all know them the same way.
/// A feature of its own rather than <c>opts.Storage.ExtendedSchemaObjects</c>: Marten 9.58
/// applies those before its event tables, and the triggers sit on <c>mt_events</c>; a feature from
/// outside Marten's assembly is applied after them.
/// <para>
/// Names are PostgreSQL's defaults for the tables first created by <c>create table if not exists</c>
/// (<c>audit_chain_pkey</c>, <c>audit_chain_stream_id_version_key</c>…), so a database created
/// before the schema moved here matches as it is, and nothing is dropped or rebuilt.
/// </para>
/// </summary>
public sealed class AuditTrailSchema(StoreOptions options) : InfohusFeatureSchema("audit-trail", options)
{
    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var chain = new Table(Named("audit_chain")) { PrimaryKeyName = "audit_chain_pkey" };
        chain.AddColumn<long>("seq_id").AsPrimaryKey();
        chain.AddColumn<Guid>("stream_id").NotNull();
        chain.AddColumn<long>("version").NotNull();
        chain.AddColumn("hash", "bytea").NotNull();
        // A stream has one link per version (the constraint of the first installation, as an index of the same name).
        chain.Indexes.Add(new IndexDefinition("audit_chain_stream_id_version_key") { IsUnique = true, Columns = ["stream_id", "version"] });
        yield return chain;

        var checkpoint = new Table(Named("audit_checkpoint")) { PrimaryKeyName = "audit_checkpoint_pkey" };
        checkpoint.AddColumn("id", "bigserial").AsPrimaryKey();
        checkpoint.AddColumn<long>("up_to_seq").NotNull();
        checkpoint.AddColumn<long>("event_count").NotNull();
        checkpoint.AddColumn("hash", "bytea").NotNull();
        checkpoint.AddColumn("created_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        yield return checkpoint;

        var head = new Table(Named("audit_checkpoint_head")) { PrimaryKeyName = "audit_checkpoint_head_pkey" };
        head.AddColumn<long>("checkpoint_id").AsPrimaryKey();
        head.AddColumn<Guid>("stream_id").AsPrimaryKey();
        head.AddColumn<long>("version").NotNull();
        head.AddColumn("hash", "bytea").NotNull();
        yield return head;

        yield return Function.ForSql($"""
            CREATE OR REPLACE FUNCTION {SchemaName}.audit_event_hash(previous bytea, stream_id uuid, version bigint, type character varying, data jsonb)
             RETURNS bytea
             LANGUAGE sql
             IMMUTABLE
            AS $function$
                select sha256(coalesce(previous, '\x'::bytea) || convert_to(stream_id::text || '|' || version::text || '|' || type || '|' || data::text, 'UTF8'))
            $function$;
            """);

        var events = Named("mt_events");
        yield return new TriggerFunction($"""
            CREATE OR REPLACE FUNCTION {SchemaName}.audit_chain_link()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            declare previous bytea;
            begin
                -- Marten's tombstones stay out of the chains: they hold no event, and arrive at any time
                -- after the failed append whose sequence numbers they fill. The verification checks them.
                if new.type = '{Tombstone.Name}' then return new; end if;
                select hash into previous from {SchemaName}.audit_chain where stream_id = new.stream_id and version = new.version - 1;
                insert into {SchemaName}.audit_chain (seq_id, stream_id, version, hash)
                values (new.seq_id, new.stream_id, new.version, {SchemaName}.audit_event_hash(previous, new.stream_id, new.version, new.type, new.data));
                return new;
            end $function$;
            """);
        yield return new Trigger(Named("audit_chain_link"), events, $"{SchemaName}.audit_chain_link()")
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Insert,
            ForEachRow = true
        };

        // Emptying the event table (Marten's ResetAllData, DeleteAllEventDataAsync) empties the chain
        // and its checkpoints in the same transaction: links without their events would read as
        // deleted streams. Deleting events row by row leaves the chain as it is, so that is caught.
        foreach (var emptied in EmptiedWithTheEvents("audit_chain_empty", "audit_chain", "audit_checkpoint", "audit_checkpoint_head")) yield return emptied;
    }
}
