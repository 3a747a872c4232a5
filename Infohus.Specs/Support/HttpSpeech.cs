using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Infohus.Api.Hosting;
using Infohus.Api.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Support;

/// <summary>An HTTP answer: its status and its JSON body (problem details included).</summary>
public sealed record Answer(HttpStatusCode Status, JsonNode? Body, string? Location, string? RetryAfter = null)
{
    public long Version => Body!["version"]!.GetValue<long>();

    public Guid Id => Body!["id"]!.GetValue<Guid>();

    public string Detail => Body?["detail"]?.GetValue<string>() ?? "";

    public override string ToString() => $"{(int)Status} {Body?.ToJsonString()}";
}

/// <summary>How the specs talk to the API: real HTTP through the test server, real tokens, real JSON.</summary>
public static class HttpSpeech
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions();
        InfohusHosting.ConfigureJson(json);
        return json;
    }

    public static string TokenFor(this IAlbaHost host, Caller caller) =>
        host.Services.GetRequiredService<TokenSigning>()
            .Issue(caller.Subject, $"Spec {caller.Subject}", caller.Role, caller.Department, TimeSpan.FromMinutes(30));

    public static Task<Answer> Post(this IAlbaHost host, string url, object? body, Caller caller) =>
        host.PostRaw(url, body is null ? "" : JsonSerializer.Serialize(body, body.GetType(), Json), caller);

    /// <summary>A POST carrying an Idempotency-Key, as a client that may retry sends it.</summary>
    public static async Task<(Answer Answer, bool Replayed)> PostWithKey(this IAlbaHost host, string url, object body, Caller caller, string key)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Text(JsonSerializer.Serialize(body, body.GetType(), Json)).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader(Infohus.Api.Idempotency.IdempotentRequests.Header, key);
            Authorise(host, s, caller);
            s.IgnoreStatusCode();
        });
        return (await AnswerOf(result), result.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));
    }

    public static async Task<Answer> PostRaw(this IAlbaHost host, string url, string json, Caller caller)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Text(json).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            Authorise(host, s, caller);
            s.IgnoreStatusCode();
        });
        return await AnswerOf(result);
    }

    /// <summary>A read as a member makes it: with a token and a stated purpose (personal-data reads require one).</summary>
    public static async Task<Answer> Get(this IAlbaHost host, string url, Caller caller, string? purpose = "specs check the answer")
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            if (purpose is not null) s.WithRequestHeader("X-Purpose", purpose);
            Authorise(host, s, caller);
            s.IgnoreStatusCode();
        });
        return await AnswerOf(result);
    }

    /// <summary>A request with a bearer token the spec made itself (claims no development token carries).</summary>
    public static async Task<Answer> WithToken(this IAlbaHost host, string token, string url, string? json = null, string? purpose = "specs check the answer")
    {
        var result = await host.Scenario(s =>
        {
            if (json is null) s.Get.Url(url);
            else
            {
                s.Post.Text(json).ToUrl(url);
                s.WithRequestHeader("Content-Type", "application/json");
            }
            if (purpose is not null) s.WithRequestHeader("X-Purpose", purpose);
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.IgnoreStatusCode();
        });
        return await AnswerOf(result);
    }

    /// <summary>The version of a case as the event store holds it: what every refusal must leave untouched.</summary>
    public static async Task<long> StoredVersion(this IAlbaHost host, Guid caseId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var state = await session.Events.FetchStreamStateAsync(caseId);
        return state?.Version ?? 0;
    }

    /// <summary>A case's events as the event store holds them, in order.</summary>
    public static async Task<IReadOnlyList<JasperFx.Events.IEvent>> StoredEvents(this IAlbaHost host, Guid caseId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(caseId);
    }

    public static async Task<int> StoredEventCount(this IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    /// <summary>A file sent as multipart/form-data, as a browser's form sends it.</summary>
    public static async Task<Answer> Upload(this IAlbaHost host, string url, MultipartFormDataContent form, Caller caller)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.MultipartFormData(form).ToUrl(url);
            Authorise(host, s, caller);
            s.IgnoreStatusCode();
        });
        return await AnswerOf(result);
    }

    /// <summary>A file read back: the status, the bytes as sent, and the response's headers.</summary>
    public static async Task<(HttpStatusCode Status, byte[] Content, IHeaderDictionary Headers)> Download(this IAlbaHost host, string url, Caller caller,
        string? purpose = "specs check the answer")
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            if (purpose is not null) s.WithRequestHeader("X-Purpose", purpose);
            Authorise(host, s, caller);
            s.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        if (response.Body.CanSeek) response.Body.Position = 0;
        using var content = new MemoryStream();
        await response.Body.CopyToAsync(content);
        return ((HttpStatusCode)response.StatusCode, content.ToArray(), response.Headers);
    }

    private static void Authorise(IAlbaHost host, Scenario s, Caller caller)
    {
        if (caller != Caller.Anonymous) s.WithRequestHeader("Authorization", $"Bearer {host.TokenFor(caller)}");
    }

    private static async Task<Answer> AnswerOf(IScenarioResult result)
    {
        var text = await result.ReadAsTextAsync();
        var context = result.Context.Response;
        var body = string.IsNullOrWhiteSpace(text) || context.ContentType?.Contains("json") != true ? null : JsonNode.Parse(text);
        return new Answer((HttpStatusCode)context.StatusCode, body, context.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
            context.Headers.RetryAfter.ToString() is { Length: > 0 } r ? r : null);
    }
}
