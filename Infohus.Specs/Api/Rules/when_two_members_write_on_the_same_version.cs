namespace Infohus.Specs.Api.Rules;

public class when_two_members_write_on_the_same_version(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task a_stale_version_is_a_409_that_names_the_current_version_and_appends_nothing()
    {
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "manager-informed", new InformManager(@case.Version));

        var answer = await Host.Post(@case.Url("interview"), new HoldInterview(@case.Version - 1, true, true), Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.Conflict);
        answer.Body!["currentVersion"]!.GetValue<long>().ShouldBe(@case.Version);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    [Fact]
    public async Task of_two_concurrent_writes_on_one_version_one_wins_and_the_other_gets_409()
    {
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "manager-informed", new InformManager(@case.Version));

        // Many pairs, so the race really happens at the database and not only at the version check.
        for (var round = 0; round < 10; round++)
        {
            var contender = await Host.ReferralFromEmployee();
            contender = await Host.Step(contender, "manager-informed", new InformManager(contender.Version));
            var answers = await Task.WhenAll(
                Host.Post(contender.Url("interview"), new HoldInterview(contender.Version, true, true, "first"), Caller.BfuMember),
                Host.Post(contender.Url("interview"), new HoldInterview(contender.Version, true, true, "second"), Caller.PoliceMember));

            answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1, string.Join(" | ", answers.Select(a => a.ToString())));
            answers.Single(a => a.Status == HttpStatusCode.Conflict).Body!["currentVersion"]!.GetValue<long>().ShouldBe(contender.Version + 1);
            (await Host.StoredVersion(contender.Id)).ShouldBe(contender.Version + 1);
        }
    }

    [Fact]
    public async Task of_sixteen_members_writing_on_one_version_one_wins_and_every_loser_is_told_the_version_that_won()
    {
        // Rounds of sixteen at once, so that most losers pass the version check and lose at commit.
        for (var round = 0; round < 5; round++)
        {
            var @case = await Host.ReferralFromEmployee();
            var answers = await Host.Race(@case, 16);

            var all = string.Join(" | ", answers.Select(a => a.ToString()));
            answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1, all);
            answers.Count(a => a.Status == HttpStatusCode.Conflict).ShouldBe(15, all);
            answers.Where(a => a.Status == HttpStatusCode.Conflict)
                .ShouldAllBe(a => a.Body!["currentVersion"] != null && a.Body!["currentVersion"]!.GetValue<long>() == @case.Version + 1, all);
            (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version + 1);
        }
        await Waiting.Until(async () => await App.Tombstones() > 0, "a loser at commit, where Marten writes tombstones", seconds: 10);
    }
}
