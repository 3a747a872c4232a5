using Infohus.Projections.Cases;
using JasperFx.CommandLine;
using Wolverine;

namespace Infohus.Api.Cases.Intake;

/// <summary>
/// The one-off for cases received before references existed: each gets a <see cref="CaseReferenceGiven"/>,
/// in the order the cases were received, numbered on from its year's counter in its own transaction
/// (so new referrals meanwhile keep the numbering gapless). Safe to run again: a case with a reference is left alone.
/// </summary>
public static class CaseReferenceBackfill
{
    public static async Task<int> RunAsync(IDocumentStore store, IMessageBus bus, DateTimeOffset now, CancellationToken cancellation)
    {
        IReadOnlyList<Guid> without;
        await using (var query = store.QuerySession())
            without = await query.Query<CaseSummary>().Where(c => c.Reference == null)
                .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellation);

        var given = 0;
        foreach (var caseId in without)
        {
            await using var session = store.LightweightSession();
            await session.BeginTransactionAsync(cancellation);
            var stream = await session.Events.FetchForWriting<Case>(caseId, cancellation);
            if (stream.Aggregate is not { Reference: null } state) continue;
            var reference = await CaseReferences.TakeNextAsync(session.Connection!, CaseReferences.YearOf(state.ReceivedAt), cancellation);
            await session.Save(bus, state.GiveReference(reference, now).Events, stream.AppendMany, cancellation);
            given++;
        }
        return given;
    }
}

public class ReferencesInput : NetCoreInput
{
    [Description("assign: give every case received before references its reference")]
    public string Action { get; set; } = "assign";
}

/// <summary><c>dotnet run --project Infohus.Api -- references assign</c>.</summary>
[Description("Gives the cases received before references existed their reference (references assign)", Name = "references")]
public class ReferencesCommand : JasperFxAsyncCommand<ReferencesInput>
{
    public override async Task<bool> Execute(ReferencesInput input)
    {
        if (input.Action != "assign")
        {
            Console.WriteLine("The one action is: references assign");
            return false;
        }
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var scope = host.Services.CreateScope();
        var given = await CaseReferenceBackfill.RunAsync(store, scope.ServiceProvider.GetRequiredService<IMessageBus>(),
            host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
        Console.WriteLine($"{given} cases given a reference.");
        return true;
    }
}
