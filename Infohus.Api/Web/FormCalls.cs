using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Infohus.Api.Hosting;
using Infohus.Api.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Infohus.Api.Web;

/// <summary>What the API answered a form: its status and JSON body (the result, or problem details).</summary>
public sealed record Answer(int Status, JsonElement Body, bool Replayed)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The problem's detail: the plan's reason for a refusal, word for word as the API gives it.</summary>
    public string? Detail => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("detail", out var d) ? d.GetString() : null;

    /// <summary>Another member changed the case after the form's version (409 with currentVersion).</summary>
    public long? CurrentVersion => Status == StatusCodes.Status409Conflict && Body.ValueKind == JsonValueKind.Object
        && Body.TryGetProperty("currentVersion", out var v) ? v.GetInt64() : null;

    public long? Version => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    /// <summary>
    /// Whether the form may be sent again under a new key: after a refusal or a key sent with other
    /// content. Not while the first send is still being handled (409 without a version) or after a
    /// server error, when it may have been registered: the same key then registers it at most once.
    /// </summary>
    public bool Settled => Status is >= 400 and < 500 && !(Status == StatusCodes.Status409Conflict && CurrentVersion is null);

    public Guid? Id => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String ? v.GetGuid() : null;
}

/// <summary>
/// A form's submit runs the API endpoint's own code (the same decision, write path, events and
/// refusals) under the form's idempotency key, kept and replayed exactly as an <c>Idempotency-Key</c>
/// on the API: a form sent twice registers once, and the second send gets the first answer.
/// </summary>
public static class FormCalls
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public static async Task<Answer> Run(HttpContext context, string idempotencyKey, string apiRoute, object? command, Func<Task<IResult>> endpoint)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(command, Json);
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes($"POST {apiRoute}\n"), .. body]);
        var kept = await IdempotentRequests.Once(context, idempotencyKey, hash, async () =>
        {
            var result = await endpoint();
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            object? value = result switch
            {
                ProblemHttpResult problem => problem.ProblemDetails,
                IValueHttpResult withValue => withValue.Value,
                _ => null
            };
            return new IdempotentRequests.KeptAnswer(status, result is ProblemHttpResult ? "application/problem+json" : "application/json",
                JsonSerializer.SerializeToUtf8Bytes(value, Json));
        });

        return kept.Kind switch
        {
            IdempotentRequests.AnswerKind.Mismatch => Problem(StatusCodes.Status422UnprocessableEntity,
                "Formularen er allerede sendt med et andet indhold. Indlæs siden igen og send på ny."),
            IdempotentRequests.AnswerKind.InProgress => Problem(StatusCodes.Status409Conflict,
                "Formularen er ved at blive behandlet. Vent et øjeblik, og indlæs siden igen, før du sender den på ny."),
            _ => new Answer(kept.Status, Parse(kept.Body), kept.Kind == IdempotentRequests.AnswerKind.Replayed)
        };
    }

    private static JsonElement Parse(byte[] body) =>
        body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();

    private static Answer Problem(int status, string detail) =>
        new(status, JsonSerializer.SerializeToElement(new { status, detail }, Json), false);

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions();
        InfohusHosting.ConfigureJson(json);
        return json;
    }
}
