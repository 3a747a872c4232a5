using System.Reflection;
using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Support;

/// <summary>An instance of an event type with a value in every field, built from the record's constructor.</summary>
public static class SampleEvents
{
    public static object Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Of(underlying);
        if (type == typeof(Guid)) return CaseId;
        if (type == typeof(string)) return "sample";
        if (type == typeof(DateTimeOffset)) return Now;
        if (type == typeof(DateOnly)) return DateOnly.FromDateTime(Now.UtcDateTime);
        if (type == typeof(bool)) return true;
        if (type == typeof(int)) return 1;
        if (type == typeof(long)) return 1L;
        if (type == typeof(double)) return 1.5;
        if (type == typeof(PersonalText)) return Text("sample");
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0)!;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var items = Array.CreateInstance(type.GetGenericArguments()[0], 1);
            items.SetValue(Of(type.GetGenericArguments()[0]), 0);
            return items;
        }
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Of(p.ParameterType))]);
    }
}
