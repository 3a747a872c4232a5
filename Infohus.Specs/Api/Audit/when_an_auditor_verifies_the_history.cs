using Infohus.Api.Cases.Erasing;
using Infohus.EventStore.Audit;
using Npgsql;
using static Infohus.EventStore.Audit.AuditBreakKind;

namespace Infohus.Specs.Api.Audit;

public class when_an_auditor_verifies_the_history(InfohusApp app) : ApiSpec(app)
{
    /// <summary>Each way to change the stored history, and exactly the kinds of break the verification names for it.</summary>
    private static readonly Dictionary<string, string[]> Tampers = new()
    {
        ["updated-event"] = [EventAltered],
        ["deleted-event"] = [EventMissing],
        ["deleted-stream"] = [StreamDeleted, CheckpointMismatch],
        ["reordered-pair"] = [OrderChanged],
        ["forged-event"] = [EventForged],
        ["rewritten-chain"] = [ChainRewritten, CheckpointMismatch],
        ["disguised-as-tombstone"] = [EventMissing, CheckpointMismatch],
        ["tombstone-with-data"] = [TombstoneForged],
        ["tombstone-in-a-case"] = [TombstoneForged]
    };

    public static TheoryData<string, bool> EachTamper()
    {
        var data = new TheoryData<string, bool>();
        foreach (var tamper in Tampers.Keys)
        {
            data.Add(tamper, false);
            data.Add(tamper, true);
        }
        return data;
    }

    [Fact]
    public async Task an_untouched_history_is_intact_with_its_counts()
    {
        var first = await Host.ClosedCase();
        var second = await Host.ReferralFromEmployee();

        var answer = await Host.Verification();

        answer["intact"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
        answer["streams"]!.GetValue<long>().ShouldBe(2);
        answer["events"]!.GetValue<long>().ShouldBe(first.Version + second.Version);
        answer["breakCount"]!.GetValue<long>().ShouldBe(0);
        answer["breaks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task one_changed_byte_in_one_stored_event_is_reported_as_exactly_that_event()
    {
        var @case = await Host.ClosedCase();
        var sequence = await App.SequenceOf(@case.Id, 4);

        // An attacker with database access edits the stored JSON: "moderate" becomes "moderatf".
        await App.Sql($"update infohus.mt_events set data = replace(data::text, 'moderate', 'moderatf')::jsonb where seq_id = {sequence}");

        var answer = await Host.Verification();
        answer["intact"]!.GetValue<bool>().ShouldBeFalse();
        answer["breakCount"]!.GetValue<long>().ShouldBe(1);
        answer["firstBreak"]!["kind"]!.GetValue<string>().ShouldBe(EventAltered);
        answer["firstBreak"]!["sequence"]!.GetValue<long>().ShouldBe(sequence);
        answer["firstBreak"]!["version"]!.GetValue<long>().ShouldBe(4);
        answer["firstBreak"]!["streamId"]!.GetValue<Guid>().ShouldBe(@case.Id);
    }

    [Theory, MemberData(nameof(EachTamper))]
    public async Task each_tampering_is_named_by_its_kind_alone_or_beside_the_leftovers_of_lost_races(string tamper, bool afterLostRaces)
    {
        await Host.ClosedCase();
        var victim = await Host.ClosedCase();
        if (afterLostRaces) await App.LostRaces();
        await App.Checkpoint();

        var named = await Tamper(tamper, victim);

        var answer = await Host.Verification();
        answer["intact"]!.GetValue<bool>().ShouldBeFalse();
        answer.KindsFound().ShouldBe([.. Tampers[tamper].Order()], answer.ToJsonString());
        answer.Breaks().Where(b => b.Kind != CheckpointMismatch).ShouldAllBe(b => b.Stream == named, answer.ToJsonString());
        answer["breakCount"]!.GetValue<long>().ShouldBe(answer.Breaks().Count);
    }

    [Fact]
    public async Task every_tampering_at_once_is_reported_each_by_its_kind_and_every_checkpoint_is_checked()
    {
        var tampers = Tampers.Keys.ToList();
        var victims = new Dictionary<string, CaseRef>();
        var bystander = await Host.ClosedCase();
        await App.LostRaces();
        foreach (var tamper in tampers[..4]) victims[tamper] = await Host.ClosedCase();
        var first = await App.Checkpoint();
        await App.LostRaces();
        foreach (var tamper in tampers[4..]) victims[tamper] = await Host.ClosedCase();
        var second = await App.Checkpoint();

        var named = new Dictionary<string, Guid>();
        foreach (var tamper in tampers) named[tamper] = await Tamper(tamper, victims[tamper]);

        var answer = await Host.Verification();
        var breaks = answer.Breaks();
        answer["intact"]!.GetValue<bool>().ShouldBeFalse();
        answer.KindsFound().ShouldBe([.. Tampers.Values.SelectMany(k => k).Distinct().Order()], answer.ToJsonString());
        foreach (var tamper in tampers)
            breaks.ShouldContain(b => b.Kind == Tampers[tamper][0] && b.Stream == named[tamper], $"{tamper}: {answer.ToJsonString()}");
        breaks.Where(b => b.Kind != CheckpointMismatch).ShouldAllBe(b => named.Values.Contains(b.Stream!.Value) && b.Stream != bystander.Id);
        // A stream deleted under the first checkpoint, links rewritten under the second: both are found.
        breaks.Where(b => b.Kind == CheckpointMismatch).Select(b => b.Checkpoint).ShouldBe([first, second]);
    }

    [Fact]
    public async Task past_the_listed_limit_every_break_is_still_counted_and_every_checkpoint_checked()
    {
        await Host.Seed(40, seed: 13, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await App.Checkpoint();
        var victim = await Host.ClosedCase();
        var last = await App.Checkpoint();
        var seeded = await App.Scalar<long>("select count(*) from infohus.mt_events") - victim.Version;
        seeded.ShouldBeGreaterThan(AuditChain.ListedPerKind);

        // Every seeded event changed, and the newest case deleted with its chain links.
        await Tamper("deleted-stream", victim);
        await App.Sql("update infohus.mt_events set data = data || '{\"tampered\": true}'");

        var answer = await Host.Verification();
        answer["breaksByKind"]![EventAltered]!.GetValue<long>().ShouldBe(seeded);
        answer.Breaks().Count(b => b.Kind == EventAltered).ShouldBe(AuditChain.ListedPerKind);
        answer["breakCount"]!.GetValue<long>().ShouldBe(seeded + 2);
        answer.Breaks().ShouldContain(b => b.Kind == StreamDeleted && b.Stream == victim.Id);
        answer.Breaks().ShouldContain(b => b.Kind == CheckpointMismatch && b.Checkpoint == last);
    }

    [Fact]
    public async Task an_erased_case_still_verifies_as_intact()
    {
        var @case = await Host.ClosedCase();
        await App.Checkpoint();
        await Host.Step(@case, "erasure", new ErasePersonalData(@case.Version, ErasureReason.RetentionExpired), Caller.Legal);
        await App.Checkpoint();

        var answer = await Host.Verification();
        answer["intact"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
        answer["checkpoints"]!.GetValue<long>().ShouldBe(2);
        answer["latestCheckpointHash"]!.GetValue<string>().Length.ShouldBe(64);
    }

    [Fact]
    public async Task only_auditors_and_legal_verify()
    {
        (await Host.Get("/api/audit/verification", Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Get("/api/audit/verification", Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Get("/api/audit/verification", Caller.Legal)).Status.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// What someone with write access to the database does to a closed case (versions 1 referral,
    /// 2 manager informed, 3 interview, 4 assessment … 8 closure); returns the stream the
    /// verification must name.
    /// </summary>
    private async Task<Guid> Tamper(string tamper, CaseRef victim)
    {
        var at = $"stream_id = '{victim.Id}'";
        const string columns = "seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type";
        switch (tamper)
        {
            case "updated-event":
                await App.Sql($"update infohus.mt_events set data = replace(data::text, 'moderate', 'moderatf')::jsonb where {at} and version = 4");
                return victim.Id;
            case "deleted-event":
                await App.Sql($"delete from infohus.mt_events where {at} and version = 3");
                return victim.Id;
            case "deleted-stream":
                await App.Sql(
                    $"delete from infohus.audit_chain where {at}",
                    $"delete from infohus.mt_events where {at}",
                    $"delete from infohus.mt_streams where id = '{victim.Id}'");
                return victim.Id;
            case "reordered-pair":
                // The interview now comes before the manager was informed.
                await App.Sql(
                    $"update infohus.mt_events set version = -2 where {at} and version = 2",
                    $"update infohus.mt_events set version = 2 where {at} and version = 3",
                    $"update infohus.mt_events set version = 3 where {at} and version = -2");
                return victim.Id;
            case "forged-event":
                // A second closure, inserted with the audit trigger switched off.
                await App.Sql(
                    "alter table infohus.mt_events disable trigger audit_chain_link",
                    $"insert into infohus.mt_events ({columns}) select nextval('infohus.mt_events_sequence'), gen_random_uuid(), stream_id, version + 1, data, type, now(), tenant_id, mt_dotnet_type from infohus.mt_events where {at} and version = {victim.Version}",
                    "alter table infohus.mt_events enable trigger audit_chain_link");
                return victim.Id;
            case "rewritten-chain":
                await App.Sql($"update infohus.mt_events set data = replace(data::text, 'moderate', 'moderatf')::jsonb where {at} and version = 4");
                await Rechain(victim.Id, from: 4);
                return victim.Id;
            case "disguised-as-tombstone":
                // The case's newest event turned into a Marten tombstone, its chain link gone: removed, in disguise.
                var hideout = await TombstoneStream();
                await App.Sql(
                    $"delete from infohus.audit_chain where {at} and version = {victim.Version}",
                    $"update infohus.mt_events set stream_id = '{hideout}', version = seq_id, type = 'tombstone', data = '{{}}', timestamp = '-infinity', mt_dotnet_type = 'JasperFx.Events.Tombstone, JasperFx.Events' where {at} and version = {victim.Version}",
                    $"update infohus.mt_streams set version = version - 1 where id = '{victim.Id}'");
                return victim.Id;
            case "tombstone-with-data":
                // The assessment copied into a row stored as a tombstone, which the trigger leaves unlinked.
                var tombstones = await TombstoneStream();
                await App.Sql($"insert into infohus.mt_events ({columns}) select s, gen_random_uuid(), '{tombstones}', s, data, 'tombstone', '-infinity', tenant_id, 'JasperFx.Events.Tombstone, JasperFx.Events' " +
                    $"from (select nextval('infohus.mt_events_sequence') s, data, tenant_id from infohus.mt_events where {at} and version = 4) copied");
                return tombstones;
            case "tombstone-in-a-case":
                await App.Sql($"insert into infohus.mt_events ({columns}) select s, gen_random_uuid(), '{victim.Id}', {victim.Version + 1}, '{{}}', 'tombstone', '-infinity', '*DEFAULT*', 'JasperFx.Events.Tombstone, JasperFx.Events' " +
                    "from (select nextval('infohus.mt_events_sequence') s) taken");
                return victim.Id;
            default:
                throw new ArgumentOutOfRangeException(nameof(tamper), tamper, null);
        }
    }

    /// <summary>The stream of Marten's tombstones, or, before any race was lost, one made as Marten makes it.</summary>
    private async Task<Guid> TombstoneStream()
    {
        if (await App.Tombstones() > 0) return await App.Scalar<Guid>("select stream_id from infohus.mt_events where type = 'tombstone' limit 1");
        var id = Guid.NewGuid();
        await App.Sql($"insert into infohus.mt_streams (id, tenant_id, version, is_archived) values ('{id}', '*DEFAULT*', 0, false)");
        return id;
    }

    /// <summary>Recomputes a stream's chain links from a version on, as the trigger would have made them for the altered events.</summary>
    private async Task Rechain(Guid stream, long from)
    {
        await using var connection = await App.Open();
        var events = new List<(long Sequence, long Version, string Type, string Data)>();
        await using (var read = new NpgsqlCommand($"select seq_id, version, type, data::text from infohus.mt_events where stream_id = '{stream}' and version >= {from} order by version", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) events.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }
        await using var before = new NpgsqlCommand($"select hash from infohus.audit_chain where stream_id = '{stream}' and version = {from - 1}", connection);
        var previous = (byte[])(await before.ExecuteScalarAsync())!;
        foreach (var (sequence, version, type, data) in events)
        {
            previous = AuditChain.EventHash(previous, stream, version, type, data);
            await using var update = new NpgsqlCommand($"update infohus.audit_chain set hash = @hash where seq_id = {sequence}", connection);
            update.Parameters.AddWithValue("hash", previous);
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }
    }
}
