using Infohus.Api.Cases.Communicating;

namespace Infohus.Specs.Api.Reading;

public class when_a_member_reloads_a_case(InfohusApp app) : ApiSpec(app)
{
    private static readonly string[] Messages = ["The municipality works with the police.", "Staff know where to turn.", "Advice is available."];

    [Fact]
    public async Task after_steps_that_change_no_rule_it_shows_the_version_to_write_on_next()
    {
        var known = await Host.CaseFullOfPersonalData();
        var @case = await Host.Step(known.Case, "disclosures", Given.Disclosure(known.Case.Version));
        @case = await Host.Step(@case, "internal-communications", new SendInternalCommunication(@case.Version, true, "head of school",
            [InternalAudience.Managers], "The crisis team meets daily.", "The crisis team.", "Do not comment on the case.", "Call the SSP consultant."));
        @case = await Host.Step(@case, "press/heads-informed", new RecordHeadsInformed(@case.Version, true, true));
        @case = await Host.Step(@case, "press/spokesperson", new AppointSpokesperson(@case.Version, "head of communication"));
        @case = await Host.Step(@case, "press/messages", new IssuePressMessage(@case.Version, Messages));

        var reloaded = await Host.Get(@case.Url(), Caller.BfuMember);

        reloaded.Version.ShouldBe(await Host.StoredVersion(@case.Id));
        reloaded.Version.ShouldBe(@case.Version);
        (await Host.Post(@case.Url("press/messages"), new IssuePressMessage(reloaded.Version, Messages), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.OK, "a write on the reloaded version is accepted");
    }
}
