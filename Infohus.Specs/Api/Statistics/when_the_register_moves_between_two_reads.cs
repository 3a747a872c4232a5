using Marten;
using Marten.Events;

namespace Infohus.Specs.Api.Statistics;

/// <summary>
/// The statistics reuse counts made at the same state of the register (README, "Counts kept per
/// register state"): a steering member who asks again after the register moved, or after the data was
/// emptied and refilled up to the same event sequence, gets the new counts, never the kept ones.
/// </summary>
public class when_the_register_moves_between_two_reads(InfohusApp app) : ApiSpec(app)
{
    private const string Hirtshals = "hirtshals";
    private const string Sindal = "sindal";

    [Fact]
    public async Task a_referral_the_register_has_taken_in_is_counted_on_the_next_read()
    {
        await Referrals(6, Hirtshals);
        (await Count(Hirtshals)).ShouldBe("6");
        (await Count(Hirtshals)).ShouldBe("6", "asked again at the same state");

        await Referrals(1, Hirtshals);

        (await Count(Hirtshals)).ShouldBe("7");
    }

    [Fact]
    public async Task a_register_emptied_and_refilled_to_the_same_sequence_is_counted_anew()
    {
        await Referrals(7, Hirtshals);
        (await Count(Hirtshals)).ShouldBe("7");

        await Host.ResetAllMartenDataAsync();
        await Referrals(7, Sindal);

        (await Count(Sindal)).ShouldBe("7");
        (await Count(Hirtshals)).ShouldBe("0");
    }

    private async Task Referrals(int count, string district)
    {
        for (var i = 0; i < count; i++)
            await Host.Referral(Given.EmployeeReferral() with { Registration = Given.Registration(district: district) });
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The district's cell of the current half-year's table, as shown.</summary>
    private async Task<string> Count(string district)
    {
        var answer = await Host.Get("/api/statistics?by=district", Caller.Steering);
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var row = answer.Body!["table"]!["rows"]!.AsArray().Single(r => r!["label"]!.GetValue<string>() == district)!;
        return row["cells"]![0]!.GetValue<string>();
    }
}
