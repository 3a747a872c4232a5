using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infohus.Api.Hosting;

namespace Infohus.Api.Contract;

/// <summary>
/// HTTP's own words for the case version: a case read answers it as <c>ETag</c> (<c>"7"</c>), and a step
/// accepts it back as <c>If-Match</c>, standing for the body's <c>version</c> (which may then be left out).
/// The version check itself stays the one in <see cref="StreamWrites"/>: a stale If-Match is the same 409
/// <c>stale-version</c> with <c>currentVersion</c> as a stale body version.
/// </summary>
public static class ConditionalRequests
{
    public const string IfMatch = "If-Match";

    /// <summary>The route patterns of the steps whose body carries a case version (<see cref="ICaseCommand"/>).</summary>
    private static readonly HashSet<string> CaseSteps = ApiEndpoints.In(typeof(ConditionalRequests).Assembly)
        .Where(e => e.HttpMethod == HttpMethods.Post && e.Method.GetParameters().Any(p => typeof(ICaseCommand).IsAssignableFrom(p.ParameterType)))
        .Select(e => e.Route)
        .ToHashSet();

    private const string CaseRead = "/api/cases/{id}";

    public static WebApplication UseConditionalRequests(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            route = route is null ? null : "/" + route.TrimStart('/');
            if (route is not null && HttpMethods.IsPost(context.Request.Method) && CaseSteps.Contains(route)
                && context.Request.Headers[IfMatch] is [{ } ifMatch])
            {
                if (await VersionIntoBody(context, ifMatch) is { } refused)
                {
                    await refused.ExecuteAsync(context);
                    return;
                }
            }
            if (route == CaseRead && HttpMethods.IsGet(context.Request.Method))
            {
                await WithETag(context, next);
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>The If-Match version written into the body as <c>version</c>; a refusal when it is no version or contradicts the body.</summary>
    private static async Task<IResult?> VersionIntoBody(HttpContext context, string ifMatch)
    {
        var tag = ifMatch.Trim();
        if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"'
            || !long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            return Problems.InvalidField(IfMatch, "If-Match holds the case's ETag: its version in quotes, as \"7\" (no weak tags, no lists).");

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: InputLimits.MaxBodyBytes);
        JsonNode? body;
        try
        {
            body = context.Request.ContentLength is 0 ? new JsonObject() : await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint's own reading says so, as without If-Match.
            context.Request.Body.Position = 0;
            return null;
        }
        if (body is not JsonObject fields) { context.Request.Body.Position = 0; return null; }
        if (fields["version"] is { } sent && (sent.GetValueKind() != JsonValueKind.Number || sent.GetValue<double>() != version))
            return Problems.InvalidField("version", "The body's version and If-Match differ: send one of them, or both the same.");
        fields["version"] = version;

        var rewritten = JsonSerializer.SerializeToUtf8Bytes(fields);
        context.Request.Body = new MemoryStream(rewritten);
        context.Request.ContentLength = rewritten.Length;
        context.Request.ContentType ??= "application/json";
        return null;
    }

    /// <summary>A case read answers its version as a strong ETag, read from the answer it writes.</summary>
    private static async Task WithETag(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffered = new MemoryStream();
        context.Response.Body = buffered;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            buffered.Position = 0;
            using var answer = await JsonDocument.ParseAsync(buffered, cancellationToken: context.RequestAborted);
            if (answer.RootElement.TryGetProperty("version", out var version) && version.TryGetInt64(out var number))
                context.Response.Headers.ETag = $"\"{number}\"";
        }
        buffered.Position = 0;
        context.Response.ContentLength = buffered.Length;
        await buffered.CopyToAsync(original, context.RequestAborted);
    }
}
