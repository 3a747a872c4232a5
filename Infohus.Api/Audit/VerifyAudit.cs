using Infohus.EventStore.Audit;
using JasperFx.CommandLine;

namespace Infohus.Api.Audit;

public static class VerifyAuditEndpoint
{
    /// <summary>Walks every stream's hash chain and every checkpoint: intact with counts, or every break found.</summary>
    [WolverineGet("/api/audit/verification"), Authorize(Policy = Policies.Audit)]
    public static async Task<AuditVerification> Get(IDocumentStore store, HttpContext context)
    {
        await using var connection = await AuditChainService.OpenAsync(store, context.RequestAborted);
        return await AuditChain.VerifyAsync(connection, context.RequestAborted);
    }
}

public class AuditInput : NetCoreInput
{
    [Description("verify: walk the hash chains; checkpoint: record a global checkpoint now")]
    public string Action { get; set; } = "verify";
}

/// <summary><c>dotnet run --project Infohus.Api -- audit verify</c>; exits 1 when the history was changed.</summary>
[Description("Verifies the tamper-evident history (audit verify) or records a checkpoint (audit checkpoint)", Name = "audit")]
public class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public override async Task<bool> Execute(AuditInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var connection = await AuditChainService.OpenAsync(store, CancellationToken.None);

        if (input.Action == "checkpoint")
        {
            var hash = await AuditChainService.CheckpointAsync(store, CancellationToken.None);
            Console.WriteLine(hash is null ? "Nothing new to checkpoint." : $"Checkpoint recorded: {hash}");
            return true;
        }

        var result = await AuditChain.VerifyAsync(connection, CancellationToken.None);
        if (result.Intact)
        {
            Console.WriteLine($"intact: {result.Events} events in {result.Streams} streams, {result.Tombstones} Marten tombstones, " +
                $"{result.Checkpoints} checkpoints, latest checkpoint {result.LatestCheckpointHash ?? "none"}");
            return true;
        }

        Console.WriteLine($"BROKEN: {result.BreakCount} breaks ({string.Join(", ", result.BreaksByKind.Select(k => $"{k.Key} {k.Value}"))})");
        foreach (var found in result.Breaks)
            Console.WriteLine($"{found.Kind}: sequence {found.Sequence}, stream {found.StreamId}, version {found.Version}, checkpoint {found.Checkpoint}: {found.Problem}");
        return false;
    }
}
