using System.Text.Json.Nodes;
using Infohus.Api.Cases.Erasing;
using Infohus.EventStore.Audit;
using Npgsql;

namespace Infohus.Specs.Api.Audit;

public class when_an_auditor_verifies_the_history(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task an_untouched_history_is_intact_with_its_counts()
    {
        var first = await Host.ClosedCase();
        var second = await Host.ReferralFromEmployee();

        var answer = await Verify();

        answer["intact"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
        answer["streams"]!.GetValue<long>().ShouldBe(2);
        answer["events"]!.GetValue<long>().ShouldBe(first.Version + second.Version);
    }

    [Fact]
    public async Task one_changed_byte_in_one_stored_event_is_reported_as_exactly_that_event()
    {
        var @case = await Host.ClosedCase();
        var (sequence, version) = await EventAt(@case.Id, 4);

        // An attacker with database access edits the stored JSON: "moderate" becomes "moderatf".
        await Sql($"update infohus.mt_events set data = replace(data::text, 'moderate', 'moderatf')::jsonb where seq_id = {sequence}");

        var answer = await Verify();
        answer["intact"]!.GetValue<bool>().ShouldBeFalse();
        answer["firstBreak"]!["sequence"]!.GetValue<long>().ShouldBe(sequence);
        answer["firstBreak"]!["version"]!.GetValue<long>().ShouldBe(version);
        answer["firstBreak"]!["streamId"]!.GetValue<Guid>().ShouldBe(@case.Id);
    }

    [Fact]
    public async Task a_deleted_event_is_detected()
    {
        var @case = await Host.ClosedCase();
        var (sequence, _) = await EventAt(@case.Id, 3);

        await Sql($"delete from infohus.mt_events where seq_id = {sequence}");

        var answer = await Verify();
        answer["intact"]!.GetValue<bool>().ShouldBeFalse();
        answer["firstBreak"]!["streamId"]!.GetValue<Guid>().ShouldBe(@case.Id);
        answer["firstBreak"]!["version"]!.GetValue<long>().ShouldBe(3);
    }

    [Fact]
    public async Task a_whole_stream_deleted_with_its_chain_is_caught_by_the_checkpoint()
    {
        await Host.ClosedCase();
        var victim = await Host.HandedOver();
        await Checkpoint();

        await Sql($"delete from infohus.audit_chain where stream_id = '{victim.Id}'");
        await Sql($"delete from infohus.mt_events where stream_id = '{victim.Id}'");
        await Sql($"delete from infohus.mt_streams where id = '{victim.Id}'");

        var answer = await Verify();
        answer["intact"]!.GetValue<bool>().ShouldBeFalse();
        answer["firstBreak"]!["problem"]!.GetValue<string>().ShouldContain("Checkpoint");
    }

    [Fact]
    public async Task an_erased_case_still_verifies_as_intact()
    {
        var @case = await Host.ClosedCase();
        await Checkpoint();
        await Host.Step(@case, "erasure", new ErasePersonalData(@case.Version, ErasureReason.RetentionExpired), Caller.Legal);
        await Checkpoint();

        var answer = await Verify();
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

    private async Task<JsonNode> Verify()
    {
        var answer = await Host.Get("/api/audit/verification", Caller.Auditor);
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return answer.Body!;
    }

    private async Task Checkpoint()
    {
        await using var connection = await Open();
        await using var max = new NpgsqlCommand("select max(seq_id) from infohus.mt_events", connection);
        (await AuditChain.CheckpointAsync(connection, (long)(await max.ExecuteScalarAsync())!, CancellationToken.None)).ShouldNotBeNull();
    }

    private async Task<(long Sequence, long Version)> EventAt(Guid stream, long version)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand($"select seq_id from infohus.mt_events where stream_id = '{stream}' and version = {version}", connection);
        return ((long)(await command.ExecuteScalarAsync())!, version);
    }

    private async Task Sql(string sql)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(sql, connection);
        (await command.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0, sql);
    }

    private async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
