using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infohus.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Infohus.Api.Contract;

/// <summary>
/// Reads every JSON request body before its endpoint does, with the same options, and refuses one that
/// does not fit with a 400 naming the fields. Wolverine reads the body too, but passes on only the
/// exception's message (with .NET type names in it), and System.Text.Json knows the path of a refused
/// field only at the root of a read: here the read is the root. The body is small (256 KiB at most), so
/// reading it twice costs little.
/// </summary>
public static partial class RequestBodies
{
    /// <summary>The body type of each POST route: the nullable parameter of our own type the endpoint takes its body as.</summary>
    public static IReadOnlyDictionary<string, Type> Of(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        return ApiEndpoints.In(assembly)
            .Where(endpoint => endpoint.HttpMethod == HttpMethods.Post)
            .Select(endpoint => (endpoint.Route, Body: endpoint.Method.GetParameters().FirstOrDefault(p =>
                p.ParameterType.Assembly == assembly && p.ParameterType.IsClass && nullability.Create(p).ReadState == NullabilityState.Nullable)))
            .Where(e => e.Body is not null)
            .ToDictionary(e => e.Route, e => e.Body!.ParameterType);
    }

    public static WebApplication UseStrictRequestBodies(this WebApplication app)
    {
        var bodies = Of(typeof(RequestBodies).Assembly);
        app.Use(async (context, next) =>
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            if (route is not null && HttpMethods.IsPost(context.Request.Method) && bodies.TryGetValue("/" + route.TrimStart('/'), out var type)
                && context.Request.ContentLength is not 0 && context.Request.HasJsonContentType())
            {
                context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: InputLimits.MaxBodyBytes);
                var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                context.Request.Body.Position = 0;
                var refusal = Refusal(body.GetBuffer().AsSpan(0, (int)body.Length), type, json);
                if (refusal is not null)
                {
                    await refusal.ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// The body's whole structure first (well-formed, nested at most <see cref="InputLimits.MaxDepth"/>
    /// deep), then its fields: a refusal names the first thing wrong in that order, or null.
    /// </summary>
    private static IResult? Refusal(ReadOnlySpan<byte> body, Type type, JsonSerializerOptions json)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = json.MaxDepth });
            while (reader.Read()) { }
            JsonSerializer.Deserialize(body, type, json);
            return null;
        }
        catch (JsonException refused)
        {
            return Refusal(refused);
        }
    }

    /// <summary>What the refused body gets: the fields and what is wrong with them, in words an integrator reads, with no .NET type in it.</summary>
    private static IResult Refusal(JsonException refused)
    {
        var message = refused.Message;
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return Invalid(["(body)"], $"The body nests deeper than the maximum depth of {InputLimits.MaxDepth}.");
        // The reader's own exception (alone, or inside the one System.Text.Json adds the path to): not well-formed JSON.
        if (refused.GetType() != typeof(JsonException) || refused.InnerException is JsonException)
        {
            var kind = ProblemTypes.MalformedJson;
            return Results.Problem(statusCode: kind.Status, title: kind.Title, type: kind.Type,
                detail: $"The body is not well-formed JSON (line {refused.LineNumber + 1}, byte {refused.BytePositionInLine + 1}).");
        }

        var path = FieldOf(refused.Path);
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            return Invalid([path.EndsWith(name, StringComparison.Ordinal) ? path : Join(path, name)], "Unknown property: the request has no field of this name.");
        }
        if (MissingRequired().Match(message) is { Success: true } missing)
            return Invalid([.. missing.Groups["names"].Value.Split(", ").Select(n => Join(path, n.Trim('\'')))], "Required.");
        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
            return Invalid([OrBody(path)], "May not be null.");
        // System.Text.Json's own messages name .NET types; ours (the input limits) say the rule.
        if (message.Contains("Path:", StringComparison.Ordinal) || message.Contains("could not be converted", StringComparison.Ordinal)
            || message.Contains("Infohus.", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal))
            return Invalid([OrBody(path)], "Not a value of the field's type, or not one of its codes.");
        return Invalid([OrBody(path)], message);
    }

    private static IResult Invalid(IReadOnlyList<string> fields, string message)
    {
        var kind = ProblemTypes.InvalidField;
        var detail = $"{(fields.Count == 1 ? "Field" : "Fields")} {string.Join(", ", fields)}: {message}";
        return Results.Problem(statusCode: kind.Status, title: kind.Title, type: kind.Type, detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = fields.ToDictionary(f => f, _ => new[] { message }) });
    }

    private static string FieldOf(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string OrBody(string path) => path.Length == 0 ? "(body)" : path;

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"missing required properties,? including:? (?<names>.+?)\.?(\s+Path:.*)?$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();
}
