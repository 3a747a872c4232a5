using System.Text.Json.Nodes;
using Infohus.Api.Hosting;
using Infohus.EventStore.Cases;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Infohus.Api.Contract;

/// <summary>
/// Request and answer schemas as the API reads and writes them. Our input limits are JSON converters,
/// which the schema generator describes as "anything"; here they get their type and bound back
/// (text at most <see cref="InputLimits.MaxTextLength"/> characters, lists at most
/// <see cref="InputLimits.MaxListItems"/> items, whole numbers within ±<see cref="InputLimits.MaxNumber"/>),
/// enums are typed strings, and the configurable codes show their defaults.
/// </summary>
public static class ContractSchemas
{
    public static async Task Complete(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var nullable = Nullable.GetUnderlyingType(type) is not null || context.JsonPropertyInfo is { IsGetNullable: true, PropertyType.IsValueType: false };
        var orNull = nullable ? JsonSchemaType.Null : 0;

        // An enum is one schema in the components, a string of its codes; where it may be null, its
        // property says so (oneOf null or the enum).
        if (underlying.IsEnum && schema.Enum is { Count: > 0 })
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. schema.Enum.Where(v => v is not null)];
        }
        else if (IsEmpty(schema))
        {
            if (underlying == typeof(string))
            {
                schema.Type = JsonSchemaType.String | orNull;
                schema.MaxLength = InputLimits.MaxTextLength;
            }
            else if (underlying == typeof(int) || underlying == typeof(long))
            {
                schema.Type = JsonSchemaType.Integer | orNull;
                schema.Format ??= underlying == typeof(int) ? "int32" : "int64";
                schema.Minimum = (-InputLimits.MaxNumber).ToString();
                schema.Maximum = InputLimits.MaxNumber.ToString();
            }
            else if (typeof(JsonNode).IsAssignableFrom(underlying))
            {
                // An event's data as stored: each event type has its own fields.
                schema.Type = JsonSchemaType.Object | orNull;
                schema.Description = "The event's data as stored, with the event's own field names.";
            }
            else if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                schema.Type = JsonSchemaType.Array | orNull;
                schema.MaxItems = InputLimits.MaxListItems;
                schema.Items = await context.GetOrCreateSchemaAsync(underlying.GetGenericArguments()[0], null, cancellation);
            }
        }

        if (context.JsonPropertyInfo?.Name is { } name)
            Configurable(schema, name);
    }

    /// <summary>Concern levels and districts are codes an Infohus configures (Infohus:ActionPlan); the defaults are the examples.</summary>
    private static void Configurable(OpenApiSchema schema, string property)
    {
        var defaults = ActionPlanSettings.Defaults();
        switch (property)
        {
            case "concernLevel":
                schema.Description = "A concern level code as configured (Infohus:ActionPlan:ConcernLevels); the defaults: "
                                     + string.Join(", ", defaults.ConcernLevels.Select(l => $"`{l.Code}` ({l.Name})")) + ".";
                schema.Examples = [JsonValue.Create(defaults.ConcernLevels[2].Code)!];
                break;
            case "district":
                schema.Description = "A district code as configured (Infohus:ActionPlan:Districts); the defaults: "
                                     + string.Join(", ", defaults.Districts.Select(d => $"`{d}`")) + ".";
                schema.Examples = [JsonValue.Create(defaults.Districts[1])!];
                break;
        }
    }

    private static bool IsEmpty(OpenApiSchema schema) =>
        schema.Type is null && schema.Enum is null && schema.OneOf is null && schema.AnyOf is null && schema.AllOf is null
        && schema.Properties is null or { Count: 0 } && schema.Items is null;

    /// <summary>An example for every JSON request body, built from its schema so it always fits it.</summary>
    public static void AddExamples(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media.Schema is { } schema)
                media.Example ??= Example(schema, document, depth: 0);
        }
    }

    private static JsonNode? Example(IOpenApiSchema schema, OpenApiDocument document, int depth)
    {
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id && document.Components?.Schemas?.TryGetValue(id, out var target) == true)
            return Example(target, document, depth);
        if (schema.Examples is [{ } given, ..]) return given.DeepClone();
        if ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) is { Count: > 0 } choices)
        {
            var choice = choices.FirstOrDefault(s => s.Type != JsonSchemaType.Null);
            return choice is null ? null : Example(choice, document, depth);
        }
        if (schema.Enum is { Count: > 0 }) return schema.Enum.First(v => v is not null)!.DeepClone();
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.Object) || schema.Properties is { Count: > 0 })
        {
            var example = new JsonObject();
            if (depth > 6) return example;
            var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
            // The required fields; a body with none required (a lookup by one of several fields) shows its first.
            var shown = properties.Where(p => schema.Required?.Contains(p.Key) == true).ToList() is { Count: > 0 } required ? required : properties.Take(1).ToList();
            foreach (var (name, property) in shown)
                example[name] = Example(property, document, depth + 1);
            return example;
        }
        if (type.HasFlag(JsonSchemaType.Array))
        {
            var count = Math.Max(1, schema.MinItems ?? 1);
            var items = new JsonArray();
            for (var i = 0; i < count && schema.Items is not null; i++) items.Add(Example(schema.Items, document, depth + 1));
            return items;
        }
        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) return JsonValue.Create(1);
        if (type.HasFlag(JsonSchemaType.Boolean)) return JsonValue.Create(true);
        if (type.HasFlag(JsonSchemaType.String))
        {
            return schema.Format switch
            {
                "date-time" => JsonValue.Create("2026-11-30T10:00:00+01:00"),
                "date" => JsonValue.Create("2026-11-30"),
                "uuid" => JsonValue.Create("0193a5f0-7c1e-7d2a-9b3c-4e5f60718293"),
                _ => JsonValue.Create("As the member writes it.")
            };
        }
        return null;
    }
}
