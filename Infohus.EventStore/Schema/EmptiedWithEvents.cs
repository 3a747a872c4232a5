using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Triggers;

namespace Infohus.EventStore.Schema;

/// <summary>
/// Tables that live and die with the event store: an <c>after truncate</c> trigger on <c>mt_events</c>
/// (Marten's <c>ResetAllData</c>, <c>DeleteAllEventDataAsync</c>) empties them in the same transaction.
/// Deleting events row by row does not fire it, so such a deletion is still caught by the audit.
/// </summary>
public static class EmptiedWithEvents
{
    /// <summary>The trigger function <c>{schema}.{name}()</c> and its trigger, emptying <paramref name="tables"/>.</summary>
    public static IEnumerable<ISchemaObject> Objects(string schema, string name, params string[] tables)
    {
        yield return new TriggerFunction($"""
            CREATE OR REPLACE FUNCTION {schema}.{name}()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
                truncate {string.Join(", ", tables.Select(t => $"{schema}.{t}"))};
                return null;
            end $function$;
            """);
        yield return new Trigger(Named(schema, name), Named(schema, "mt_events"), $"{schema}.{name}()")
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Truncate,
            ForEachRow = false
        };
    }

    private static PostgresqlObjectName Named(string schema, string name) => new(schema, name, SchemaUtils.IdentifierUsage.General);
}
