using Infohus.EventStore.Hosting;
using Infohus.Projections.Timeline;
using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

/// <summary>
/// A new event must be handled where the case is told from its events; a fold that skips it fails
/// silently, so these facts name the place that forgot it.
/// </summary>
public class when_an_event_is_added_to_the_plan
{
    public static TheoryData<string> CaseEvents() => [.. InfohusEventStore.CaseEventTypes.Select(t => t.Name)];

    private static Type EventType(string name) => InfohusEventStore.CaseEventTypes.Single(t => t.Name == name);

    [Theory]
    [MemberData(nameof(CaseEvents))]
    public void the_case_state_folds_it(string name)
    {
        var type = EventType(name);
        var folds = type == typeof(ReferralReceived)
            ? typeof(Case).GetMethod(nameof(Case.Create), [type])
            : typeof(Case).GetMethod(nameof(Case.Apply), [type]);
        folds.ShouldNotBeNull($"Case has no public Create/Apply for {name}: the snapshot would skip it and stay behind its stream's version.");
    }

    [Theory]
    [MemberData(nameof(CaseEvents))]
    public void the_timeline_tells_it(string name) =>
        TimelineProjection.Describe(SampleEvents.Of(EventType(name))).ShouldNotBeNull($"TimelineProjection.Describe has no line for {name}.");
}
