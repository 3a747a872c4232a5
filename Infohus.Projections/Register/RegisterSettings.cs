namespace Infohus.Projections.Register;

/// <summary>
/// How the anonymous register coarsens (section <c>Infohus:Register</c>). Age bands are given by their
/// lower bounds; 18 must be one of them, so under 18 / 18+ is always a boundary (§4.2.2 II).
/// </summary>
public sealed class RegisterSettings
{
    public const string Section = "Infohus:Register";

    public List<int> AgeBandLowerBounds { get; set; } = [];

    public static readonly IReadOnlyList<int> DefaultAgeBands = [0, 12, 15, 18, 25, 40];

    public static RegisterSettings Defaults() => new() { AgeBandLowerBounds = [.. DefaultAgeBands] };

    public AgeBands Bands() => new(AgeBandLowerBounds.Count == 0 ? DefaultAgeBands : AgeBandLowerBounds);
}

/// <summary>Age bands from lower bounds: [0, 12, 15, 18] gives 0-11, 12-14, 15-17, 18+.</summary>
public sealed class AgeBands
{
    public const string Unknown = "unknown";
    private readonly int[] _bounds;

    public AgeBands(IEnumerable<int> lowerBounds)
    {
        _bounds = [.. lowerBounds.Distinct().Order()];
        if (_bounds.Length == 0 || _bounds[0] != 0) throw new InvalidOperationException("Age bands start at 0.");
        if (!_bounds.Contains(18)) throw new InvalidOperationException("Age bands must have 18 as a boundary (under 18 / 18 and over).");
    }

    public IReadOnlyList<string> Labels => [.. _bounds.Select((_, i) => Label(i)), Unknown];

    public string BandOf(int? age)
    {
        if (age is not { } years) return Unknown;
        var index = Array.FindLastIndex(_bounds, bound => bound <= years);
        return Label(index);
    }

    private string Label(int index) => index == _bounds.Length - 1
        ? $"{_bounds[index]}+"
        : $"{_bounds[index]}-{_bounds[index + 1] - 1}";
}
