namespace Infohus.Specs.Support;

/// <summary>
/// Specs that load both cores for minutes (the benchmark's quick mode) or time a server's crash and
/// restart: xunit runs this collection after every other one, alone, so they neither starve the
/// browser's page loads nor are starved by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
