using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Infohus.Api.Web;

public enum FeltType { Tekst, Tekstfelt, Tal, Dato, Radio, Select, Afkrydsning }

public sealed record Mulighed(string Value, string Text);

/// <summary>
/// One form field as the design system draws it: label, hint, the error tied to the field
/// (<c>aria-describedby</c>, <c>aria-invalid</c>) and the value typed, kept when the form comes back.
/// </summary>
public sealed record Felt(
    string Name,
    string Label,
    FeltType Type,
    IReadOnlyList<string> Values,
    IReadOnlyList<Mulighed> Options,
    string? Error,
    string? Hint = null,
    bool Required = false,
    string? Autocomplete = null)
{
    public string Id => "felt-" + Name.Replace('.', '-').Replace('[', '-').Replace(']', '-').ToLowerInvariant();

    public string? Value => Values.FirstOrDefault();

    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    public static string? ErrorOf(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors is [var first, ..] ? first.ErrorMessage : null;

    public static Felt Tekst(string name, string label, string? value, ModelStateDictionary state, FeltType type = FeltType.Tekst, string? hint = null, bool required = false) =>
        new(name, label, type, value is null ? [] : [value], [], ErrorOf(state, name), hint, required);

    public static Felt Radio<T>(string name, string label, T? value, IEnumerable<T> options, ModelStateDictionary state, string? hint = null) where T : struct, Enum =>
        Choice(FeltType.Radio, name, label, value is { } v ? [v] : [], options, state, hint, null);

    public static Felt Select<T>(string name, string label, T? value, IEnumerable<T> options, ModelStateDictionary state, string? tom = null, string? hint = null) where T : struct, Enum =>
        Choice(FeltType.Select, name, label, value is { } v ? [v] : [], options, state, hint, tom);

    public static Felt Afkrydsning<T>(string name, string label, IEnumerable<T> values, IEnumerable<T> options, ModelStateDictionary state, string? hint = null) where T : struct, Enum =>
        Choice(FeltType.Afkrydsning, name, label, values, options, state, hint, null);

    public static Felt Valg(FeltType type, string name, string label, string? value, IEnumerable<Mulighed> options, ModelStateDictionary state, string? hint = null, string? tom = null) =>
        new(name, label, type, value is null ? [] : [value],
            [.. (tom is null ? [] : new[] { new Mulighed("", tom) }), .. options], ErrorOf(state, name), hint);

    private static Felt Choice<T>(FeltType type, string name, string label, IEnumerable<T> values, IEnumerable<T> options, ModelStateDictionary state, string? hint, string? tom) where T : struct, Enum =>
        new(name, label, type, [.. values.Select(v => v.ToString())],
            [.. (tom is null ? [] : new[] { new Mulighed("", tom) }), .. options.Select(o => new Mulighed(o.ToString(), Dansk.Ord(o)))],
            ErrorOf(state, name), hint);
}
