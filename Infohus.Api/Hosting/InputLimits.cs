using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infohus.Api.Hosting;

/// <summary>
/// Bounds on what a request may carry, so no input can exhaust memory or crash the API: the body
/// size (413), JSON nesting, the length of any text and of any list, the size of any number, control
/// characters in texts, query parameters and headers, and the page of a list (400). Messages name the
/// bound, never the value.
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

    /// <summary>
    /// The largest whole number any field takes, and its negative the smallest. No count, age or
    /// version comes near it, and sums of such numbers cannot overflow; fields bound themselves
    /// tighter where the domain says so (the participants of an outreach meeting, an age).
    /// </summary>
    public const int MaxNumber = 1_000_000;

    /// <summary>The last page a list serves: pages times their size stay far inside a database offset.</summary>
    public const int MaxPage = 100_000;

    public const string ControlCharacterRule =
        "Texts hold no control characters (U+0000-U+001F, U+007F-U+009F) but tab, line feed and carriage return; query parameters and headers hold none but the tab a header may carry.";

    public static void Apply(JsonSerializerOptions json)
    {
        json.MaxDepth = MaxDepth;
        json.Converters.Add(new BoundedText());
        json.Converters.Add(new BoundedLists());
        json.Converters.Add(new BoundedInt());
        json.Converters.Add(new BoundedLong());
    }

    /// <summary>A 400 naming the bounds when a list's page or page size lies outside them, else null.</summary>
    public static IResult? RefusePage(int page, int pageSize, int maxPageSize) =>
        page is < 1 or > MaxPage || pageSize < 1 || pageSize > maxPageSize
            ? Problems.Invalid($"page is between 1 and {MaxPage}; pageSize is between 1 and {maxPageSize}.")
            : null;

    /// <summary>
    /// True for a character no text of ours holds: PostgreSQL refuses NUL in text and JSON (its error
    /// quotes the data around it), and the other controls only hide what a text says.
    /// </summary>
    public static bool IsForbiddenInText(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>
    /// Refuses a request whose body is larger than <see cref="MaxBodyBytes"/> with a 413, and one with a
    /// control character in a query parameter or a header with a 400, before anything reads them.
    /// </summary>
    public static WebApplication UseInputLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (ControlCharacterIn(context.Request) is { } where)
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
                    detail: $"{where} holds a control character. {ControlCharacterRule}").ExecuteAsync(context);
                return;
            }
            var maxBytes = IsDocumentUpload(context.Request) ? MaxDocumentRequestBytes : MaxBodyBytes;
            if (context.Request.ContentLength > maxBytes)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"A request body may hold at most {maxBytes / 1024} KiB.").ExecuteAsync(context);
                return;
            }
            if (context.Request.ContentLength is null && HttpMethods.IsPost(context.Request.Method))
            {
                // A body without a declared length (chunked) is read up to the bound, never past it.
                context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: maxBytes);
                try
                {
                    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                    context.Request.Body.Position = 0;
                }
                catch (IOException)
                {
                    await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                        detail: $"A request body may hold at most {maxBytes / 1024} KiB.").ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    /// <summary>A document upload's body: the file of at most 10 MB and the form around it (its fields and boundaries).</summary>
    public const long MaxDocumentRequestBytes = AttachDocumentStep.MaxBytes + 64 * 1024;

    private static bool IsDocumentUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path
        && path.StartsWith("/api/cases/", StringComparison.Ordinal) && path.EndsWith("/documents", StringComparison.Ordinal)
        && path.Count(c => c == '/') == 4;

    /// <summary>Where a control character hides in the query or the headers (X-Purpose, Idempotency-Key, filters), or null.</summary>
    private static string? ControlCharacterIn(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (key.Any(char.IsControl) || values.Any(v => v?.Any(char.IsControl) == true)) return "A query parameter";
        }
        foreach (var (key, values) in request.Headers)
        {
            if (values.Any(v => v?.Any(c => char.IsControl(c) && c != '\t') == true)) return $"The header {key}";
        }
        return null;
    }

    private sealed class BoundedText : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("A text field holds something that is not text.");
            var text = reader.GetString()!;
            if (text.Length > MaxTextLength) throw new JsonException($"A text field holds more than {MaxTextLength} characters.");
            if (text.Any(IsForbiddenInText)) throw new JsonException($"A text field holds a control character. {ControlCharacterRule}");
            return text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        // Dictionary keys (problem details' extensions, for one) go through the same converter.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }

    private sealed class BoundedInt : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => (int)ReadWholeNumber(ref reader);

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class BoundedLong : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadWholeNumber(ref reader);

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private static long ReadWholeNumber(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
            throw new JsonException("A number field holds something that is not a whole number.");
        if (number is < -MaxNumber or > MaxNumber)
            throw new JsonException($"A number field lies outside -{MaxNumber} to {MaxNumber}.");
        return number;
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
