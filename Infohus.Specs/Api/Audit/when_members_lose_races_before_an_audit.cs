using Infohus.Api.Audit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Infohus.Specs.Api.Audit;

/// <summary>
/// Members deciding on the same version of a case at once: the losers' commits fail and Marten fills
/// the sequence numbers they had taken with tombstones. That is bookkeeping, not tampering.
/// </summary>
public class when_members_lose_races_before_an_audit(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task marten_s_tombstones_are_accounted_for_and_the_history_stays_intact()
    {
        // Rounds on one case, each on the version the last one left, and races on new cases.
        var @case = await Host.ReferralFromEmployee();
        for (var round = 0; round < 3; round++)
        {
            var answers = await Host.Race(@case, 16);
            @case = @case with { Version = answers.Single(a => a.Status == HttpStatusCode.OK).Version };
        }
        await App.LostRaces();
        await App.Checkpoint();
        var tombstones = await App.LostRaces();

        // Marten keeps its tombstones in a stream of their own, never in a case's.
        (await App.Scalar<long>("""
            select count(*) from infohus.mt_events t
            where t.type = 'tombstone' and exists (select 1 from infohus.mt_events e where e.stream_id = t.stream_id and e.type <> 'tombstone')
            """)).ShouldBe(0);
        var answer = await Host.Verification();
        answer["intact"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
        answer["tombstones"]!.GetValue<long>().ShouldBe(tombstones);
        answer["events"]!.GetValue<long>().ShouldBe(await App.Scalar<long>("select count(*) from infohus.mt_events where type <> 'tombstone'"));
        answer["breakCount"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task a_tombstone_written_after_a_checkpoint_over_its_sequence_number_leaves_the_checkpoint_intact()
    {
        await App.LostRaces();
        // An append that failed during an outage: its sequence number taken, the commit lost. Marten
        // writes its tombstone only when the database answers again, after a checkpoint went past it.
        var failed = await App.Scalar<long>("select nextval('infohus.mt_events_sequence')");
        await Host.ClosedCase();
        await App.Checkpoint();
        await App.Sql($$"""
            insert into infohus.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
            select {{failed}}, gen_random_uuid(), stream_id, {{failed}}, '{}', type, timestamp, tenant_id, mt_dotnet_type
            from infohus.mt_events where type = 'tombstone' limit 1
            """);

        var answer = await Host.Verification();
        answer["intact"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
        answer["tombstones"]!.GetValue<long>().ShouldBe(await App.Tombstones());
    }

    [Fact]
    public async Task a_checkpoint_never_settles_on_a_tombstone_so_a_write_still_open_is_kept_in()
    {
        var slow = await Host.ReferralFromEmployee();
        // A write still under way, as Marten appends: its sequence number taken, its event inserted
        // and linked, the commit still to come.
        await using var writer = await App.Open();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var append = new NpgsqlCommand($"""
            insert into infohus.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
            select nextval('infohus.mt_events_sequence'), gen_random_uuid(), stream_id, 2, data, type, now(), tenant_id, mt_dotnet_type
            from infohus.mt_events where stream_id = '{slow.Id}' and version = 1
            """, writer, transaction))
            (await append.ExecuteNonQueryAsync()).ShouldBe(1);

        // Meanwhile races are lost at commit, and their tombstones come after the open write.
        await Waiting.Until(async () =>
        {
            await Host.Race(await Host.ReferralFromEmployee(), 16);
            return await App.Tombstones() > 0;
        }, "a race lost at commit");
        await AuditChainService.CheckpointAsync(Host.Services.GetRequiredService<IDocumentStore>(), CancellationToken.None);
        await transaction.CommitAsync();

        var answer = await Host.Verification();
        answer["intact"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
    }
}
