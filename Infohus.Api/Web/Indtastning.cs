using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Infohus.Api.Web;

/// <summary>
/// What a member typed in a form, read field by field into the API's command types. A missing choice
/// or an unreadable number becomes an error tied to its field (in Danish); everything typed is kept to
/// show again.
/// </summary>
public sealed class Indtastning(IFormCollection? form, ModelStateDictionary state, ActionPlanSettings plan)
{
    public ModelStateDictionary State => state;

    public ActionPlanSettings Plan => plan;

    /// <summary>The members a form may name (the assignment's), as configured; none when the municipality lists none.</summary>
    public MemberDirectory Members { get; init; } = MemberDirectory.None;

    public IReadOnlyList<string> Values(string name) => form is null ? [] : [.. form[name].OfType<string>()];

    public string? Tekst(string name) => Values(name).FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string? Påkrævet(string name, string error)
    {
        if (Tekst(name) is { } value) return value;
        state.AddModelError(name, error);
        return null;
    }

    public T? Valg<T>(string name, string? error = null) where T : struct, Enum
    {
        if (Enum.TryParse<T>(Tekst(name), out var value) && Enum.IsDefined(value)) return value;
        if (error is not null) state.AddModelError(name, error);
        return null;
    }

    public IReadOnlyList<T> Flere<T>(string name) where T : struct, Enum =>
        [.. Values(name).Select(v => Enum.TryParse<T>(v, out var parsed) && Enum.IsDefined(parsed) ? (T?)parsed : null).OfType<T>().Distinct()];

    public bool Flag(string name) => Values(name).Contains("true");

    public bool? JaNej(string name, string error)
    {
        switch (Tekst(name))
        {
            case "true": return true;
            case "false": return false;
            default: state.AddModelError(name, error); return null;
        }
    }

    public int? Tal(string name, string error)
    {
        if (Tekst(name) is not { } text) return null;
        if (int.TryParse(text, out var number)) return number;
        state.AddModelError(name, error);
        return null;
    }

    /// <summary>A required whole number: an error when it is missing or not a number.</summary>
    public int? PåkrævetTal(string name, string missing, string notNumber)
    {
        if (Tekst(name) is not null) return Tal(name, notNumber);
        state.AddModelError(name, missing);
        return null;
    }

    /// <summary>A required date as a date field sends it (yyyy-MM-dd).</summary>
    public DateOnly? Dato(string name, string error)
    {
        if (DateOnly.TryParseExact(Tekst(name), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)) return date;
        state.AddModelError(name, error);
        return null;
    }

    // The fields, drawn with what was typed.
    public Felt Tekstlinje(string name, string label, string? hint = null, bool required = false) =>
        Felt.Tekst(name, label, Tekst(name), state, FeltType.Tekst, hint, required);

    public Felt Tekstfelt(string name, string label, string? hint = null, bool required = false) =>
        Felt.Tekst(name, label, Values(name).FirstOrDefault(), state, FeltType.Tekstfelt, hint, required);

    public Felt Talfelt(string name, string label, string? hint = null) => Felt.Tekst(name, label, Tekst(name), state, FeltType.Tal, hint);

    public Felt Datofelt(string name, string label, string? hint = null) => Felt.Tekst(name, label, Tekst(name), state, FeltType.Dato, hint);

    public Felt Radio<T>(string name, string label, string? hint = null, IEnumerable<T>? options = null) where T : struct, Enum =>
        Felt.Radio(name, label, Valg<T>(name), options ?? Enum.GetValues<T>(), state, hint);

    public Felt Liste<T>(string name, string label, string? tom = null, string? hint = null, IEnumerable<T>? options = null) where T : struct, Enum =>
        Felt.Select(name, label, Valg<T>(name), options ?? Enum.GetValues<T>(), state, tom, hint);

    public Felt Afkrydsning<T>(string name, string label, string? hint = null, IEnumerable<T>? options = null) where T : struct, Enum =>
        Felt.Afkrydsning(name, label, Flere<T>(name), options ?? Enum.GetValues<T>(), state, hint);

    public Felt Bekræftelse(string name, string label, string? hint = null) =>
        new(name, label, FeltType.Afkrydsning, Flag(name) ? ["true"] : [], [new Mulighed("true", label)], Felt.ErrorOf(state, name), hint);

    public Felt JaNejFelt(string name, string label, string? hint = null) =>
        Felt.Valg(FeltType.Radio, name, label, Tekst(name), [new Mulighed("true", "Ja"), new Mulighed("false", "Nej")], state, hint);

    public Felt Niveauer(string name, string label, string? hint = null) =>
        Felt.Valg(FeltType.Radio, name, label, Tekst(name), plan.ConcernLevels.Select(l => new Mulighed(l.Code, Dansk.Niveau(l.Code))), state, hint);

    public Felt Medlemmer(string name, string label, string? hint = null) =>
        Felt.Valg(FeltType.Select, name, label, Tekst(name), Members.Members.Select(m => new Mulighed(m.MemberId, $"{m.Name} ({Dansk.Ord(m.Department)})")), state, hint, tom: "Vælg medlem");

    public Felt Bydele(string name, string label) =>
        Felt.Valg(FeltType.Select, name, label, Tekst(name), plan.Districts.Select(d => new Mulighed(d, Dansk.Bydel(d))), state, tom: "Vælg bydel eller lokalområde");
}
