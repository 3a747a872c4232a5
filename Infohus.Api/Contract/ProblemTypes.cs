using Microsoft.AspNetCore.Mvc;

namespace Infohus.Api.Contract;

/// <summary>One kind of problem: a stable type an integrator can switch on, its <c>code</c>, its status and when it happens.</summary>
public sealed record ProblemType(string Code, int Status, string Title, string When)
{
    public const string Prefix = "urn:infohus:problem:";

    public string Type => Prefix + Code;
}

/// <summary>
/// Every kind of problem the API answers with, documented in the OpenAPI document and the README. Problems
/// written anywhere (our endpoints, Wolverine, ASP.NET Core's status pages, the exception handlers) pass
/// through <see cref="Customize"/>, which gives each its type and <c>code</c>, so no answer carries a
/// framework's type, title or a .NET type name.
/// </summary>
public static class ProblemTypes
{
    public static readonly ProblemType InvalidRequest = new("invalid-request", 400, "Invalid request",
        "A value breaks its field's rule: an unknown code, a blank text, a future occurredAt, a query parameter or page out of bounds, a control character.");
    public static readonly ProblemType InvalidField = new("invalid-field", 400, "Invalid field",
        "The body does not fit the request's schema: an unknown property, a missing or null required field, a string where a number belongs, a text or list past its bound. `errors` names the fields.");
    public static readonly ProblemType MalformedJson = new("malformed-json", 400, "Malformed JSON", "The body is not well-formed JSON.");
    public static readonly ProblemType PurposeMissing = new("purpose-missing", 400, "Purpose missing",
        "A read of personal data without a purpose (header X-Purpose), or with one over 200 characters.");
    public static readonly ProblemType Unauthenticated = new("unauthenticated", 401, "Sign-in required", "No bearer token, or one that is invalid or expired.");
    public static readonly ProblemType TokenWithoutSubject = new("token-without-subject", 401, "The token cannot be used", "The token names no subject (sub), or more than one.");
    public static readonly ProblemType TokenAmbiguous = new("token-with-several-roles-or-departments", 401, "The token cannot be used",
        "The token names several roles or several departments.");
    public static readonly ProblemType Forbidden = new("forbidden", 403, "Not allowed for your role or department",
        "The caller's role or department is outside the endpoint's policy or the step's rule (e.g. a non-police member reporting to PET/EAE).");
    public static readonly ProblemType UnknownCase = new("unknown-case", 404, "Unknown case", "No case has this id.");
    public static readonly ProblemType NotFound = new("not-found", 404, "Not found", "Something else the request names does not exist: an intervention, follow-up, meeting, document or route.");
    public static readonly ProblemType NotAcceptable = new("not-acceptable", 406, "Not acceptable", "The Accept header asks for a media type the endpoint does not write.");
    public static readonly ProblemType StaleVersion = new("stale-version", 409, "The case has changed",
        "The version sent (body `version` or If-Match) is not the case's current one: reload and decide again. `currentVersion` is the stored version.");
    public static readonly ProblemType StepOutOfOrder = new("step-out-of-order", 409, "The step does not fit the case's current state",
        "Out of the plan's order (an interview before the manager is informed), repeated, or on a closed case.");
    public static readonly ProblemType RequestInProgress = new("request-in-progress", 409, "Request in progress",
        "A request with the same Idempotency-Key is still running; retry shortly.");
    public static readonly ProblemType Gone = new("gone", 410, "Gone", "The personal data was erased.");
    public static readonly ProblemType TooLarge = new("too-large", 413, "Request body too large", "The body is over 256 KiB (a document upload: 10 MB).");
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", 415, "Unsupported media type",
        "The body is not application/json, or an uploaded file is of a type the Infohus does not accept.");
    public static readonly ProblemType IdempotencyKeyReused = new("idempotency-key-reused", 422, "Idempotency-Key reused",
        "The Idempotency-Key was used before for a different request.");
    public static readonly ProblemType PlanRefusal = new("plan-refusal", 422, "Refused by the action plan",
        "The action plan refuses the content: notices not given, feedback that does not match the tier, the Infohus named as grantor, a crisis team without the police.");
    public static readonly ProblemType RateLimited = new("rate-limited", 429, "Too many requests", "The caller sent too many requests, or too many failed sign-ins came from its address; retry after Retry-After seconds.");
    public static readonly ProblemType Unexpected = new("unexpected", 500, "Unexpected error", "A fault of the API; nothing was appended.");
    public static readonly ProblemType DatabaseUnavailable = new("database-unavailable", 503, "The database is unavailable",
        "The database cannot be reached; retry after Retry-After seconds with the same Idempotency-Key.");

    public static readonly IReadOnlyList<ProblemType> All =
    [
        InvalidRequest, InvalidField, MalformedJson, PurposeMissing, Unauthenticated, TokenWithoutSubject, TokenAmbiguous, Forbidden,
        UnknownCase, NotFound, NotAcceptable, StaleVersion, StepOutOfOrder, RequestInProgress, Gone, TooLarge, UnsupportedMediaType,
        IdempotencyKeyReused, PlanRefusal, RateLimited, Unexpected, DatabaseUnavailable
    ];

    /// <summary>The kinds an answer of this status may be.</summary>
    public static IEnumerable<ProblemType> WithStatus(int status) => All.Where(kind => kind.Status == status);

    /// <summary>
    /// Gives every problem its type and code, whoever wrote it. Ours name their type already; the
    /// framework's (status pages, Wolverine's body and query binding) get the kind their status means,
    /// and a refused JSON body is told field by field.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var ours = problem.Type?.StartsWith(ProblemType.Prefix, StringComparison.Ordinal) == true;
        var kind = ours ? All.FirstOrDefault(k => k.Type == problem.Type) : null;
        if (kind is null)
        {
            kind = problem.Title switch
            {
                // Wolverine's answer to a body System.Text.Json refused (HttpHandler.ReadJsonAsync); it names .NET types.
                "Invalid JSON format" => RefusedBody(problem),
                // Wolverine's answer to a query value that does not parse (RejectUnparseableQueryValues); it names .NET types.
                "Invalid query string value" => RefusedQueryValue(problem),
                _ => ByStatus(problem.Status ?? context.HttpContext.Response.StatusCode)
            };
            if (!ours) problem.Title = kind.Title;
            problem.Type = kind.Type;
        }
        problem.Detail ??= kind.When;
        problem.Extensions["code"] = kind.Code;
        foreach (var frameworkDetail in new[] { "lineNumber", "bytePositionInLine", "exceptionType", "targetType", "parameter" })
            problem.Extensions.Remove(frameworkDetail);
    }

    private static ProblemType ByStatus(int status) => status switch
    {
        400 => InvalidRequest,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        406 => NotAcceptable,
        // Wolverine's own 409 is the concurrency failure it maps (MapConcurrencyFailuresToConflict): a stale version.
        409 => StaleVersion,
        410 => Gone,
        413 => TooLarge,
        415 => UnsupportedMediaType,
        422 => PlanRefusal,
        429 => RateLimited,
        503 => DatabaseUnavailable,
        _ => Unexpected
    };

    /// <summary>Bodies are read strictly before Wolverine reads them (<see cref="RequestBodies"/>); what still reaches Wolverine's refusal is not JSON it can read.</summary>
    private static ProblemType RefusedBody(ProblemDetails problem)
    {
        problem.Detail = "The body cannot be read as this request's JSON.";
        return MalformedJson;
    }

    private static ProblemType RefusedQueryValue(ProblemDetails problem)
    {
        var parameter = problem.Extensions.TryGetValue("parameter", out var name) ? name?.ToString() ?? "" : "";
        problem.Detail = $"The query parameter {parameter} does not hold a value of its type.";
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = ["Not a value of its type."] };
        return InvalidRequest;
    }

}
