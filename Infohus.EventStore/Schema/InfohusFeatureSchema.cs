using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Infohus.EventStore.Schema;

/// <summary>
/// Objects of our own beside Marten's tables, in the event store's schema: created, checked and reset by
/// Marten like its own (README, "The database schema").
/// </summary>
public abstract class InfohusFeatureSchema(string identifier, StoreOptions options) : FeatureSchemaBase(identifier, options.Advanced.Migrator)
{
    protected string SchemaName { get; } = options.Events.DatabaseSchemaName;

    protected PostgresqlObjectName Named(string name) => new(SchemaName, name, SchemaUtils.IdentifierUsage.General);

    /// <summary>The trigger function <c>{name}()</c> and its trigger, emptying <paramref name="tables"/> with the events.</summary>
    protected IEnumerable<ISchemaObject> EmptiedWithTheEvents(string name, params string[] tables) =>
        EmptiedWithEvents.Objects(SchemaName, name, tables);
}
