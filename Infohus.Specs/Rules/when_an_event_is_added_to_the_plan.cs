using System.Reflection;
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
        TimelineProjection.Describe(Sample(EventType(name))).ShouldNotBeNull($"TimelineProjection.Describe has no line for {name}.");

    /// <summary>An instance with a value in every field, built from the record's constructor.</summary>
    private static object Sample(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Sample(underlying);
        if (type == typeof(Guid)) return CaseId;
        if (type == typeof(string)) return "sample";
        if (type == typeof(DateTimeOffset)) return Now;
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return 1;
        if (type == typeof(PersonalText)) return Text("sample");
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0)!;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var items = Array.CreateInstance(type.GetGenericArguments()[0], 1);
            items.SetValue(Sample(type.GetGenericArguments()[0]), 0);
            return items;
        }
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType))]);
    }
}
