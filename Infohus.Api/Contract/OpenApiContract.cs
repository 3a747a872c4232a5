using System.Text.Json;
using System.Text.Json.Nodes;
using Infohus.Api.Hosting;
using Infohus.Api.Idempotency;
using Infohus.Api.Legal;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Infohus.Api.Contract;

/// <summary>
/// The OpenAPI document as an integrator needs it, derived in one place: operationId, summary and answer
/// from <see cref="Operations"/>; the tag from the use case's folder; the bearer scheme on every
/// operation; the headers from the route and the body (Idempotency-Key on every POST, If-Match on case
/// steps, X-Purpose on personal-data reads); every error as <c>application/problem+json</c> with one
/// problem schema; request schemas with the input limits, typed enums and examples.
/// The committed copy is <c>Infohus.Api/openapi/v1.json</c>, written at build (see the csproj).
/// </summary>
public static class OpenApiContract
{
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "Problem";
    public const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddInfohusOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // The API under /api; health checks and pages are not part of the contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddSchemaTransformer(TransformSchema);
            options.AddOperationTransformer(TransformOperation);
            options.AddDocumentTransformer(TransformDocument);
        });

    private static Task TransformSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation) =>
        ContractSchemas.Complete(schema, context, cancellation);

    private static async Task TransformOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var description = context.Description;
        var key = $"{description.HttpMethod} /{description.RelativePath}";
        var endpoint = ApiEndpoints.In(typeof(OpenApiContract).Assembly).FirstOrDefault(e => e.Key == key);
        var document = context.Document!;
        var contract = Operations.ByRoute.GetValueOrDefault(key);
        var isPost = description.HttpMethod == HttpMethods.Post;
        var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body")?.Type;

        operation.OperationId = contract?.Id;
        operation.Summary = contract?.Summary;
        operation.Description = DescriptionOf(contract, isPost, body);
        if (endpoint is not null) operation.Tags = new HashSet<OpenApiTagReference> { new(endpoint.Capability, document) };
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

        operation.Parameters ??= [];
        if (contract?.Purpose == true)
            operation.Parameters.Add(Header(AccessLog.PurposeHeader, required: true,
                $"Why you read this personal data (at most {AccessLog.MaxPurposeLength} characters); it is written to the access log.", "case meeting 2026-11-30"));
        if (isPost)
            operation.Parameters.Add(Header(IdempotentRequests.Header, required: false,
                "A key of your choice (1-200 characters): a retry with the same key and body gets the first answer again and changes nothing.",
                "3f0c9a52-8d1e-4b7a-9f3e-2a6c1d4b5e70"));
        if (body is not null && typeof(ICaseCommand).IsAssignableFrom(body))
            operation.Parameters.Add(Header(ConditionalRequests.IfMatch, required: false,
                "The case version the step was decided on, as the case's ETag (\"7\"); it stands for the body's version, which may then be left out.", "\"7\""));

        if (operation.RequestBody is OpenApiRequestBody requestBody)
        {
            requestBody.Required = true;
            requestBody.Description = "The step's fields; a property the schema does not name is refused.";
        }
        else if (key == "POST /api/cases/{id}/documents")
        {
            operation.RequestBody = DocumentUpload();
        }

        operation.Responses = new OpenApiResponses();
        if (contract is not null)
            operation.Responses[contract.Status.ToString()] = await Success(contract, document, context, cancellation);
        foreach (var status in ErrorStatuses(key, isPost, body))
            operation.Responses[status.ToString()] = Error(status, document);
    }

    /// <summary>What every operation of its kind has in common, said once per operation for readers of one operation.</summary>
    private static string? DescriptionOf(Operation? contract, bool isPost, Type? body)
    {
        if (contract is null) return null;
        var lines = new List<string>();
        if (body is not null && typeof(ICaseCommand).IsAssignableFrom(body))
            lines.Add("A step on a case: send the case `version` you decided on (or `If-Match` with the case's `ETag`) and optionally `occurredAt` (business time, never in the future). "
                      + "The answer is the case's new version. A stale version is a 409 `stale-version` with `currentVersion`; a step out of the plan's order a 409 `step-out-of-order`; content the plan refuses a 422 `plan-refusal`. A refused step appends nothing.");
        else if (isPost)
            lines.Add("A refused request appends nothing.");
        if (contract.Location) lines.Add("Answers 201 with `Location`, also when replayed with the same `Idempotency-Key`.");
        if (contract.Purpose) lines.Add("Reads personal data: `X-Purpose` is required (400 `purpose-missing` without it) and the read is written to the access log.");
        if (contract.Csv) lines.Add("`Accept: text/csv` answers CSV for Excel.");
        if (contract.Id == "getCase") lines.Add("`ETag` is the case's version; `allowedActions` lists the steps the caller may take now.");
        if (!isPost && lines.Count == 0) lines.Add("A read; it changes nothing.");
        return string.Join(" ", lines);
    }

    /// <summary>What can go wrong, from what the operation is: every one has a token, a policy and a rate limit; routes name things; POSTs carry a body.</summary>
    private static IEnumerable<int> ErrorStatuses(string key, bool isPost, Type? body)
    {
        yield return 400;
        yield return 401;
        yield return 403;
        if (key.Contains('{')) yield return 404;
        if (isPost) yield return 409;
        if (key == "GET /api/cases/{id}/documents/{documentId}") yield return 410;
        if (isPost)
        {
            yield return 413;
            yield return 415;
            yield return 422;
        }
        yield return 429;
        yield return 503;
    }

    private static async Task<IOpenApiResponse> Success(Operation contract, OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var response = new OpenApiResponse
        {
            Description = contract.Status == 201 ? "Created." : "The answer.",
            Headers = new Dictionary<string, IOpenApiHeader>(),
            Content = new Dictionary<string, OpenApiMediaType>()
        };
        if (contract.Answer == typeof(byte[]))
        {
            response.Content["application/octet-stream"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file as attached, with its own media type." }
            };
        }
        else
        {
            response.Content["application/json"] = new OpenApiMediaType { Schema = await SchemaOf(contract.Answer, document, context, cancellation) };
        }
        if (contract.Csv)
            response.Content["text/csv"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Semicolon-separated, UTF-8 with BOM, as Danish Excel reads it; asked for with Accept: text/csv." }
            };
        if (contract.Location)
            response.Headers["Location"] = new OpenApiHeader
            {
                Description = "Where the created resource is read.", Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" }
            };
        if (contract.Id == "getCase")
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The case's version, quoted (\"7\"): send it back as If-Match with the next step.", Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String }
            };
        response.Headers["Cache-Control"] = new OpenApiHeader
        {
            Description = "no-store: answers hold personal or case data and are never cached.", Schema = new OpenApiSchema { Type = JsonSchemaType.String }
        };
        return response;
    }

    /// <summary>A reference to the type's schema in the components, or an array of such references for a list.</summary>
    private static async Task<IOpenApiSchema> SchemaOf(Type type, OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var item = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
        if (item is not null)
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = await SchemaOf(item, document, context, cancellation) };
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
            document.AddComponent<IOpenApiSchema>(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellation));
        return new OpenApiSchemaReference(type.Name, document);
    }

    private static OpenApiResponse Error(int status, OpenApiDocument document) => new()
    {
        Description = string.Join(" ", ProblemTypes.WithStatus(status).Select(kind => $"`{kind.Code}`: {kind.When}")),
        Headers = status is 429 or 503
            ? new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } }
            }
            : null,
        Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) } }
    };

    private static OpenApiParameter Header(string name, bool required, string description, string example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
        Example = JsonValue.Create(example)
    };

    private static OpenApiRequestBody DocumentUpload() => new()
    {
        Required = true,
        Description = "multipart/form-data: the file and the step's fields.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file", "version", "kind" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "PDF, docx/xlsx/pptx, PNG, JPEG or GIF by its content; at most 10 MB." },
                        ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1", Maximum = InputLimits.MaxNumber.ToString() },
                        ["kind"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Enum = [.. new[] { "interview-form", "preparedness-plan", "letter", "other" }.Select(k => (JsonNode)JsonValue.Create(k)!)]
                        },
                        ["occurredAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }
                    }
                }
            }
        }
    };

    private static async Task TransformDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Infohus API",
            Version = "1",
            Summary = "The case system of a municipal Infohus: concern referrals about radicalisation and extremism, as the action plan handles them.",
            Description = """
                Every change of a case is an immutable event. Authenticate with a bearer token (JWT with `sub`, `name`, `role`, `department`).
                Every error is `application/problem+json` with a stable `type` (`urn:infohus:problem:<code>`) and `code`; a refused request appends nothing.
                Case steps carry the case `version` they were decided on (or `If-Match` with the case's `ETag`); a stale one is a 409 `stale-version` with `currentVersion`.
                A POST may carry `Idempotency-Key`, so a retry is safe. Reads of personal data need `X-Purpose` and are access-logged.
                """,
            Contact = new OpenApiContact { Name = "Infohus" },
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" }
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with the claims sub, name, role (member, coordinator, auditor, steering, legal) and department (bfu, saeh, au, police)."
            }
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        // What the endpoints' IResult return type made of their answers, before the contract named them.
        document.Components.Schemas.Remove("IResult");
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).SelectMany(o => o.Tags ?? Enumerable.Empty<OpenApiTagReference>()).Select(t => t.Name).ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(Operations.Capabilities.Where(c => used.Contains(c.Key))
            .Select(c => new OpenApiTag { Name = c.Key, Description = c.Value }));
        ContractSchemas.AddExamples(document);
        await RemoveUnused(document, cancellation);
    }

    /// <summary>Drops the component schemas nothing refers to any more (what the generator made of IResult and of lists the answers now inline).</summary>
    private static async Task RemoveUnused(OpenApiDocument document, CancellationToken cancellation)
    {
        var schemas = document.Components!.Schemas!;
        while (true)
        {
            var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellation);
            var unused = schemas.Keys.Where(id => !json.Contains($"\"#/components/schemas/{id}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0) return;
            foreach (var id in unused) schemas.Remove(id);
        }
    }

    /// <summary>The one problem schema: RFC 9457 problem details with our <c>code</c>, the fields in <c>errors</c> and the versions of a 409.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `type` and `code` name the kind of problem; `detail` says what to do, never with personal data.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. ProblemTypes.All.Select(k => (JsonNode)JsonValue.Create(k.Type)!)],
                Description = string.Join(" ", ProblemTypes.All.Select(k => $"`{k.Type}` ({k.Status}): {k.When}"))
            },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. ProblemTypes.All.Select(k => (JsonNode)JsonValue.Create(k.Code)!)] },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "invalid-field: what is wrong with each field, by its path in the body (registration.age).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }
            },
            ["currentVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "stale-version: the case's version as stored." },
            ["expectedVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "stale-version: the version the request sent." }
        },
        Examples = [JsonNode.Parse("""
            {"type":"urn:infohus:problem:stale-version","title":"The case has changed","status":409,"code":"stale-version",
             "detail":"The case was changed after the version you sent; reload it and decide again.","expectedVersion":3,"currentVersion":4}
            """)!]
    };
}
