using Weasel.Core;
using Weasel.Postgresql.Functions;

namespace Infohus.EventStore.Schema;

/// <summary>
/// A trigger's function, written as <c>pg_get_functiondef</c> renders it so that Weasel's comparison
/// finds an installed one unchanged. A changed one is replaced in place (<c>create or replace</c>):
/// Weasel's own update drops the function first with <c>cascade</c>, which would drop the triggers
/// calling it while their comparison, made before, saw nothing to do. A trigger function takes no
/// arguments and returns <c>trigger</c>, so replacing it in place always fits.
/// </summary>
public sealed class TriggerFunction(string sql) : Function(ParseIdentifier(sql), sql)
{
    protected override ISchemaObjectDelta CreateFunctionDelta(FunctionBase? actual) => new ReplacedInPlace(this, (Function?)actual);

    private sealed class ReplacedInPlace(Function expected, Function? actual) : FunctionDelta(expected, actual)
    {
        public override void WriteUpdate(Migrator rules, TextWriter writer) => Expected.WriteCreateStatement(rules, writer);
    }
}
