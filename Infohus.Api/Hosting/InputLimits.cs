using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infohus.Api.Hosting;

/// <summary>
/// Bounds on what a request may carry, so no input can exhaust memory or crash the API: the body
/// size (413), JSON nesting, the length of any text and of any list (400). Messages name the bound,
/// never the value.
/// </summary>
public static class InputLimits
{
    /// <summary>A request body larger than this is a 413 (256 KiB: a referral with every text at its longest fits).</summary>
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>Commands nest at most four levels; 16 leaves room and refuses pathological nesting.</summary>
    public const int MaxDepth = 16;

    /// <summary>The longest text a field may hold (a description, interview notes, a plan).</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The most items a list may hold (warning signs, departments, data categories, key messages).</summary>
    public const int MaxListItems = 100;

    public static void Apply(JsonSerializerOptions json)
    {
        json.MaxDepth = MaxDepth;
        json.Converters.Add(new BoundedText());
        json.Converters.Add(new BoundedLists());
    }

    /// <summary>Refuses a request whose body is larger than <see cref="MaxBodyBytes"/> with a 413, before anything reads it.</summary>
    public static WebApplication UseInputLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is > MaxBodyBytes)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"A request body may hold at most {MaxBodyBytes / 1024} KiB.").ExecuteAsync(context);
                return;
            }
            if (context.Request.ContentLength is null && HttpMethods.IsPost(context.Request.Method))
            {
                // A body without a declared length (chunked) is read up to the bound, never past it.
                context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
                try
                {
                    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                    context.Request.Body.Position = 0;
                }
                catch (IOException)
                {
                    await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                        detail: $"A request body may hold at most {MaxBodyBytes / 1024} KiB.").ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    private sealed class BoundedText : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("A text field holds something that is not text.");
            var text = reader.GetString()!;
            if (text.Length > MaxTextLength) throw new JsonException($"A text field holds more than {MaxTextLength} characters.");
            return text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        // Dictionary keys (problem details' extensions, for one) go through the same converter.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }

    private sealed class BoundedLists : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(BoundedList<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class BoundedList<T> : JsonConverter<IReadOnlyList<T>>
    {
        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var items = JsonSerializer.Deserialize<List<T>>(ref reader, options)
                ?? throw new JsonException("A list field holds null.");
            if (items.Count > MaxListItems) throw new JsonException($"A list field holds more than {MaxListItems} items.");
            return items;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize<IEnumerable<T>>(writer, value, options);
    }
}
