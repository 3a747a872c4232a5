using System.Diagnostics;
using System.Text.Json.Nodes;
using Alba;
using Infohus.EventStore.Hosting;

namespace Infohus.Specs.Api.Contract;

/// <summary>
/// The OpenAPI document as an integrator meets it, with tools nobody here wrote: the served document is
/// the committed contract (Infohus.Api/openapi/v1.json, written at build), every operation says how to
/// authenticate, what it answers and how it fails, and Redocly, Spectral, openapi-typescript and
/// tsc --strict accept it (clients/typescript/check.sh, npm ci once per run).
/// </summary>
public class when_an_integrator_reads_the_contract(InfohusApp app) : ApiSpec(app)
{
    private static string Root => LocalPostgres.RepositoryRoot()!;

    private static string ContractPath => Path.Combine(Root, "Infohus.Api", "openapi", "v1.json");

    private async Task<string> Served()
    {
        var answer = await Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        return await answer.ReadAsTextAsync();
    }

    private async Task<JsonObject> Document() => JsonNode.Parse(await Served())!.AsObject();

    private static IEnumerable<(string Key, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!.AsObject());

    [Fact]
    public async Task the_served_document_is_the_committed_contract()
    {
        var served = JsonNode.Parse(await Served())!;
        var committed = JsonNode.Parse(await CommittedContract())!;

        var differences = Differences(committed, served, "#").Take(10).ToList();
        differences.ShouldBeEmpty(
            "The served OpenAPI document differs from Infohus.Api/openapi/v1.json as git holds it (staged or committed); the build "
            + "has written the new document into the file: review `git diff Infohus.Api/openapi/v1.json` and commit it with the change:\n"
            + string.Join("\n", differences));
    }

    /// <summary>
    /// The contract as git holds it (the index: staged or committed), not the working file: every build
    /// rewrites the file, so comparing with it could never fail for a change nobody committed. Outside a
    /// git checkout (a source archive) the file is all there is.
    /// </summary>
    private static async Task<string> CommittedContract()
    {
        var git = new ProcessStartInfo("git", ["-C", Root, "show", ":Infohus.Api/openapi/v1.json"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true
        };
        try
        {
            using var process = Process.Start(git)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode == 0) return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no git on this machine
        }
        return await File.ReadAllTextAsync(ContractPath);
    }

    [Fact]
    public async Task every_operation_names_its_security_its_errors_and_typed_answers()
    {
        var document = await Document();
        var failures = new List<string>();
        var operationIds = new HashSet<string>();
        foreach (var (key, operation) in Operations(document))
        {
            if (operation["operationId"]?.GetValue<string>() is not { } id || !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z][A-Za-z]+$"))
                failures.Add($"{key}: no readable operationId");
            else if (!operationIds.Add(id)) failures.Add($"{key}: operationId {id} twice");
            if (operation["summary"]?.GetValue<string>() is not { Length: > 0 }) failures.Add($"{key}: no summary");
            if (operation["tags"] is not JsonArray { Count: 1 } tags || tags[0]!.GetValue<string>().Contains('.')) failures.Add($"{key}: not one capability tag");
            if (operation["security"] is not JsonArray { Count: > 0 } security || security[0]!["bearer"] is null) failures.Add($"{key}: no bearer security");

            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count != 1) failures.Add($"{key}: {success.Count} success answers");
            foreach (var (status, response) in success)
            {
                var schema = response!["content"]?.AsObject().First().Value?["schema"];
                if (schema is null || schema.ToJsonString() is "{}" || schema.ToJsonString().Contains("IResult"))
                    failures.Add($"{key}: {status} has no typed schema");
            }
            foreach (var status in new[] { "400", "401", "403", "429" })
            {
                if (responses[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/Problem")
                    failures.Add($"{key}: {status} is not declared as application/problem+json with the Problem schema");
            }
            if (key.StartsWith("POST", StringComparison.Ordinal))
            {
                if (!Parameters(operation).Contains("Idempotency-Key")) failures.Add($"{key}: no Idempotency-Key");
                if (operation["requestBody"]?["required"]?.GetValue<bool>() != true) failures.Add($"{key}: body not required");
                if (operation["requestBody"]?["content"]?["application/json"] is { } json && json["example"] is null) failures.Add($"{key}: body without example");
            }
        }
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
            failures.AddRange(Untyped(schema!, $"#/components/schemas/{name}"));

        failures.ShouldBeEmpty();
        Operations(document).Count().ShouldBeGreaterThan(45);
    }

    [Fact]
    public async Task creation_steps_and_reads_say_what_they_answer()
    {
        var document = await Document();
        var operations = Operations(document).ToDictionary(o => o.Key, o => o.Operation);

        var referral = operations["POST /api/cases"];
        referral["operationId"]!.GetValue<string>().ShouldBe("receiveReferral");
        referral["responses"]!["201"]!["headers"]!["Location"].ShouldNotBeNull();
        referral["responses"]!["200"].ShouldBeNull();
        var step = operations["POST /api/cases/{id}/assessment"];
        step["operationId"]!.GetValue<string>().ShouldBe("assessConcern");
        Parameters(step).ShouldContain("If-Match");
        step["responses"]!["409"].ShouldNotBeNull();
        step["responses"]!["422"].ShouldNotBeNull();
        var read = operations["GET /api/cases/{id}"];
        read["responses"]!["200"]!["headers"]!["ETag"].ShouldNotBeNull();
        Parameters(read).ShouldContain("X-Purpose");
        var problemTypes = document["components"]!["schemas"]!["Problem"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());
        problemTypes.ShouldContain("urn:infohus:problem:stale-version");
        problemTypes.ShouldContain("urn:infohus:problem:step-out-of-order");
        document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
    }

    [Fact]
    public async Task redocly_spectral_and_a_strictly_typed_typescript_client_accept_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"infohus-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await Served());
        try
        {
            var (exitCode, output) = await Run("sh", Path.Combine(Root, "clients", "typescript", "check.sh"), file);
            exitCode.ShouldBe(0, $"clients/typescript/check.sh refused the served document (npm must reach its registry):\n{output}");
            output.ShouldContain("the contract holds");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static HashSet<string> Parameters(JsonObject operation) =>
        [.. (operation["parameters"] as JsonArray ?? []).Select(p => p!["name"]!.GetValue<string>())];

    /// <summary>Places in a schema that allow anything (an empty schema) or an enum without its type.</summary>
    private static IEnumerable<string> Untyped(JsonNode schema, string at)
    {
        if (schema is not JsonObject node) yield break;
        if (node.Count == 0) yield return $"{at}: empty schema";
        if (node["enum"] is not null && node["type"] is null) yield return $"{at}: enum without type";
        if (node["enum"] is JsonArray values && values.Any(v => v is null) && node["type"]?.ToJsonString().Contains("null") != true)
            yield return $"{at}: enum with null";
        foreach (var (name, property) in node["properties"]?.AsObject() ?? [])
            foreach (var failure in Untyped(property!, $"{at}/{name}")) yield return failure;
        if (node["items"] is { } items)
            foreach (var failure in Untyped(items, $"{at}/items")) yield return failure;
        foreach (var choice in (node["oneOf"] as JsonArray ?? []).Concat(node["anyOf"] as JsonArray ?? []))
            foreach (var failure in Untyped(choice!, $"{at}/oneOf")) yield return failure;
    }

    private static IEnumerable<string> Differences(JsonNode? expected, JsonNode? actual, string at)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                    foreach (var difference in Differences(e[key], a[key], $"{at}/{key}")) yield return difference;
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                    foreach (var difference in Differences(e[i], a[i], $"{at}/{i}")) yield return difference;
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    yield return $"{at}: committed {Short(expected)}, served {Short(actual)}";
                break;
        }
    }

    private static string Short(JsonNode? node) => node?.ToJsonString() is { } text ? text.Length > 120 ? text[..120] + "…" : text : "nothing";

    private static async Task<(int ExitCode, string Output)> Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
