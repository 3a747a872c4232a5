using Infohus.Projections.Cases;
using Infohus.Projections.Register;
using Infohus.Projections.Timeline;
using JasperFx.Events;
using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

/// <summary>
/// A new case event must be handled where the case is told from its events: the case state, the
/// timeline, the case list and the register. Each fold names every case event in an arm of its own
/// (an explicit "no effect" counts) and throws <see cref="UnhandledCaseEvent"/> for one it does not
/// know, so a sample of every event type implementing <see cref="ICaseEvent"/> is fed into each, and
/// a fold that forgot one fails here, naming itself and the event.
/// </summary>
public class when_an_event_is_added_to_the_plan
{
    public static TheoryData<string> CaseEvents() => [.. Infohus.EventStore.Cases.CaseEvents.Types.Select(t => t.Name)];

    private static ICaseEvent Sample(string name) =>
        (ICaseEvent)SampleEvents.Of(Infohus.EventStore.Cases.CaseEvents.Types.Single(t => t.Name == name));

    private static readonly ReferralReceived Received = (ReferralReceived)SampleEvents.Of(typeof(ReferralReceived));

    private static IEvent Stored(object data) => (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;

    [Theory]
    [MemberData(nameof(CaseEvents))]
    public void the_case_state_folds_it(string name)
    {
        var e = Sample(name);
        (e is ReferralReceived referral ? Case.Create(referral) : Case.Create(Received).Then(e)).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(CaseEvents))]
    public void the_timeline_tells_it(string name) =>
        CaseTimeline.Describe(Sample(name)).Sentence.ShouldNotBeNullOrWhiteSpace();

    [Theory]
    [MemberData(nameof(CaseEvents))]
    public void the_case_list_follows_it(string name)
    {
        var projection = new CaseSummaryProjection();
        var received = projection.Evolve(null, CaseId, Stored(Received));
        projection.Evolve(received, CaseId, Stored(Sample(name))).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(CaseEvents))]
    public void the_register_follows_it(string name)
    {
        var projection = new RegisterProjection(new RegisterSettings().Bands());
        var received = projection.Evolve(null, CaseId, Stored(Received));
        projection.Evolve(received, CaseId, Stored(Sample(name))).ShouldNotBeNull();
    }
}
