using Infohus.Api.Cases.Communicating;

namespace Infohus.Specs.Api.Communication;

public class when_the_crisis_team_communicates(InfohusApp app) : ApiSpec(app)
{
    private static readonly string[] GeneralMessages =
    [
        "Hjørring Municipality works with the police to prevent radicalisation.",
        "Staff know where to turn with a concern.",
        "Advice is available from the national hotline."
    ];

    [Fact]
    public async Task a_manager_informs_internally_and_the_press_gets_general_key_messages_after_the_heads_and_a_spokesperson()
    {
        var known = await Host.CaseFullOfPersonalData();
        var @case = await Host.Step(known.Case, "internal-communications", new SendInternalCommunication(known.Case.Version, true, "head of school",
            [InternalAudience.Managers, InternalAudience.Staff], "The crisis team meets daily.", "The crisis team and the school leader.",
            "Do not comment on the case.", "Call the SSP consultant."));
        @case = await Host.Step(@case, "press/heads-informed", new RecordHeadsInformed(@case.Version, true, true));
        @case = await Host.Step(@case, "press/spokesperson", new AppointSpokesperson(@case.Version, "head of communication"));
        @case = await Host.Step(@case, "press/messages", new IssuePressMessage(@case.Version, GeneralMessages));

        var timeline = (await Host.Get(@case.Url("timeline"), Caller.BfuMember)).Body!.AsArray().Select(l => l!["kind"]!.GetValue<string>()).ToList();
        timeline.TakeLast(4).ShouldBe(["internal_communication_sent", "press_heads_informed", "spokesperson_appointed", "press_message_issued"]);
    }

    public static TheoryData<string> ProtectedPieces() => [PersonalFacts.Name, "Kildegaard", PersonalFacts.Cpr, "2407084417", PersonalFacts.Address];

    [Theory]
    [MemberData(nameof(ProtectedPieces))]
    public async Task a_press_message_with_the_cases_protected_text_or_identifiers_is_refused(string piece)
    {
        var @case = await ReadyForThePress();

        var answer = await Host.Post(@case.Url("press/messages"), new IssuePressMessage(@case.Version, [.. GeneralMessages.Take(2), $"About {piece}: we cannot say more."]), Caller.BfuMember);

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        answer.Detail.ShouldContain("never the individual case");
        answer.ToString().ShouldNotContain(piece);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    [Fact]
    public async Task the_press_comes_after_both_heads_and_a_spokesperson_with_3_to_5_key_messages()
    {
        var known = await Host.CaseFullOfPersonalData();
        var @case = known.Case;

        (await Host.Post(@case.Url("press/messages"), new IssuePressMessage(@case.Version, GeneralMessages), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Host.Post(@case.Url("press/heads-informed"), new RecordHeadsInformed(@case.Version, true, false), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        @case = await Host.Step(@case, "press/heads-informed", new RecordHeadsInformed(@case.Version, true, true));
        (await Host.Post(@case.Url("press/messages"), new IssuePressMessage(@case.Version, GeneralMessages), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        @case = await Host.Step(@case, "press/spokesperson", new AppointSpokesperson(@case.Version, "head of communication"));
        (await Host.Post(@case.Url("press/messages"), new IssuePressMessage(@case.Version, GeneralMessages.Take(2).ToList()), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Host.Post(@case.Url("press/messages"), new IssuePressMessage(@case.Version, [.. GeneralMessages, .. GeneralMessages]), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    [Fact]
    public async Task internal_communication_is_sent_by_a_manager_and_needs_a_crisis_team()
    {
        var known = await Host.CaseFullOfPersonalData();
        var notManager = new SendInternalCommunication(known.Case.Version, false, "teacher", [InternalAudience.Staff], "a", "b", "c", "d");
        (await Host.Post(known.Case.Url("internal-communications"), notManager, Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var noTeam = await Host.TargetedWithFeedback();
        (await Host.Post(noTeam.Url("internal-communications"), notManager with { Version = noTeam.Version, SenderIsManager = true }, Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.Conflict);
    }

    private async Task<CaseRef> ReadyForThePress()
    {
        var known = await Host.CaseFullOfPersonalData();
        var @case = await Host.Step(known.Case, "press/heads-informed", new RecordHeadsInformed(known.Case.Version, true, true));
        return await Host.Step(@case, "press/spokesperson", new AppointSpokesperson(@case.Version, "head of communication"));
    }
}
