using Marten;

namespace Infohus.Specs.Api.Hosting;

/// <summary>
/// Marten's reset (what runs between specs, and <c>marten clear</c>) empties the audit chain, its
/// checkpoints and the idempotency keys together with the events, so the store it leaves verifies
/// as intact and starts again from sequence 1.
/// </summary>
public class when_the_data_is_reset(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_chain_checkpoints_and_idempotency_keys_go_with_the_events()
    {
        (await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "before-the-reset")).Answer.Status.ShouldBe(HttpStatusCode.Created);
        await Host.ReferralFromEmployee();
        await App.Checkpoint();
        (await App.Scalar<long>("select count(*) from infohus.audit_chain")).ShouldBe(2);
        (await App.Scalar<long>("select count(*) from infohus.idempotency")).ShouldBe(1);

        await Host.ResetAllMartenDataAsync();

        foreach (var table in new[] { "audit_chain", "audit_checkpoint", "audit_checkpoint_head", "idempotency" })
            (await App.Scalar<long>($"select count(*) from infohus.{table}")).ShouldBe(0, table);
        var verification = await Host.Verification();
        verification["intact"]!.GetValue<bool>().ShouldBeTrue(verification.ToJsonString());
        verification["events"]!.GetValue<long>().ShouldBe(0);
        verification["checkpoints"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task the_store_after_a_reset_chains_from_sequence_one_again_and_a_kept_key_runs_anew()
    {
        var before = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "across-the-reset");

        await Host.ResetAllMartenDataAsync();
        var after = await Host.PostWithKey("/api/cases", Given.EmployeeReferral(), Caller.BfuMember, "across-the-reset");

        after.Replayed.ShouldBeFalse("the key was emptied with the case it answered for");
        after.Answer.Id.ShouldNotBe(before.Answer.Id);
        (await App.Scalar<long>("select min(seq_id) from infohus.audit_chain")).ShouldBe(1);
        await App.Checkpoint();
        var verification = await Host.Verification();
        verification["intact"]!.GetValue<bool>().ShouldBeTrue(verification.ToJsonString());
        verification["events"]!.GetValue<long>().ShouldBe(1);
        verification["checkpoints"]!.GetValue<long>().ShouldBe(1);
    }
}
