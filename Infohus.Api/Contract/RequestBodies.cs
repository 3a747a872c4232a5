using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Infohus.Api.Hosting;

namespace Infohus.Api.Contract;

/// <summary>
/// Reads every request body strictly and says which field broke which rule. System.Text.Json knows the
/// path of a refused field only at the root of a read, and Wolverine passes on only the exception's
/// message (with .NET type names in it); so each body type is read as a root of its own here, and the
/// message rewritten as "Field registration.age: …" without type names, which
/// <see cref="ProblemTypes.Customize"/> turns into the problem's <c>errors</c>.
/// </summary>
public sealed partial class RequestBodies(IReadOnlySet<Type> bodies) : JsonConverterFactory
{
    private readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> _inner = new();

    /// <summary>The body types of the API's endpoints: the nullable parameter of our own type every endpoint takes its body as.</summary>
    public static RequestBodies Of(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var types = ApiEndpoints.In(assembly)
            .SelectMany(endpoint => endpoint.Method.GetParameters())
            .Where(p => p.ParameterType.Assembly == assembly && p.ParameterType.IsClass
                        && nullability.Create(p).ReadState == NullabilityState.Nullable)
            .Select(p => p.ParameterType)
            .ToHashSet();
        return new RequestBodies(types);
    }

    public IReadOnlySet<Type> Types => bodies;

    public override bool CanConvert(Type typeToConvert) => bodies.Contains(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Body<>).MakeGenericType(typeToConvert), _inner.GetValue(options, Without))!;

    /// <summary>The same options without this factory: what reads the body itself.</summary>
    private JsonSerializerOptions Without(JsonSerializerOptions options)
    {
        var inner = new JsonSerializerOptions(options);
        inner.Converters.Remove(this);
        return inner;
    }

    private sealed class Body<T>(JsonSerializerOptions inner) : JsonConverter<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(ref reader, inner);
            }
            // The reader's own exception (inside the one System.Text.Json adds the path to) says the JSON is not
            // well-formed: passed on as it is.
            catch (JsonException refused) when (refused.InnerException is not JsonException)
            {
                throw new JsonException(Describe(refused));
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, inner);
    }

    /// <summary>"Field a.b: what is wrong" (or "Fields a, b: …"), in words an integrator reads, with no .NET type in it.</summary>
    public static string Describe(JsonException refused)
    {
        var path = FieldOf(refused.Path);
        var message = refused.Message;
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var field = path.EndsWith(name, StringComparison.Ordinal) ? path : Join(path, name);
            return $"Field {field}: Unknown property; the request has no field of this name.";
        }
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Split(", ").Select(n => Join(path, n.Trim('\'')));
            return $"Fields {string.Join(", ", names)}: Required.";
        }
        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
            return $"Field {OrBody(path)}: May not be null.";
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return $"Field {OrBody(path)}: The body nests deeper than the maximum depth of {InputLimits.MaxDepth}.";
        // System.Text.Json's own messages name .NET types; ours (the input limits) say the rule.
        if (message.Contains("Path:", StringComparison.Ordinal) || message.Contains("could not be converted", StringComparison.Ordinal)
            || message.Contains("Infohus.", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal))
            return $"Field {OrBody(path)}: Not a value of the field's type, or not one of its codes.";
        return $"Field {OrBody(path)}: {message}";
    }

    private static string FieldOf(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string OrBody(string path) => path.Length == 0 ? "(body)" : path;

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"missing required properties,? including:? (?<names>.+?)\.?$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();
}
