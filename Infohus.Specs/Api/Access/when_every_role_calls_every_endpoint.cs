using Infohus.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Access;

/// <summary>
/// The access matrix: every endpoint the API exposes, read from the routing table (not a hand list),
/// called by every role and department. A new endpoint without an explicit policy fails here.
/// </summary>
public class when_every_role_calls_every_endpoint(InfohusApp app) : ApiSpec(app)
{
    /// <summary>Endpoints open to anyone: probes, the metrics scrape and the API description (Scalar's page and assets). Nothing else.</summary>
    private static bool IsPublic(string route) =>
        route is "/health/live" or "/health/ready" or "/metrics" or "/openapi/{documentName}.json" || route == "/scalar" || route.StartsWith("/scalar/");

    private static readonly Caller[] Everyone =
    [
        Caller.BfuMember, Caller.SaehMember, Caller.AuMember, Caller.PoliceMember, Caller.SspConsultant,
        Caller.Steering, Caller.Auditor, Caller.Legal
    ];

    /// <summary>Who each policy lets in, written out independently of the policies' code.</summary>
    private static bool Allows(string policy, Caller caller) => policy switch
    {
        Policies.CaseWork => caller.Role is Role.Member or Role.Coordinator,
        Policies.PoliceCaseWork => caller.Role is Role.Member or Role.Coordinator && caller.Department == Department.Police,
        Policies.CaseRead => caller.Role is Role.Member or Role.Coordinator or Role.Auditor,
        Policies.Erasure => caller.Role is Role.Legal,
        Policies.Statistics => caller.Role is Role.Steering or Role.Auditor or Role.Coordinator,
        Policies.Audit => caller.Role is Role.Auditor or Role.Legal,
        Policies.LegalReview => caller.Role is Role.Legal or Role.Auditor,
        _ => throw new InvalidOperationException($"The matrix does not know the policy '{policy}': add its row.")
    };

    [Fact]
    public void every_endpoint_names_exactly_one_known_policy()
    {
        var missing = Endpoints()
            .Where(e => !IsPublic(e.Route))
            .Where(e => e.Policies.Count != 1 || !Policies.All.Contains(e.Policies[0]))
            .Select(e => $"{e.Method} {e.Route} [{string.Join(", ", e.Policies)}]")
            .ToList();

        missing.ShouldBeEmpty("every endpoint needs one explicit policy from Policies.All");
        Endpoints().Count(e => e.Route.StartsWith("/api/")).ShouldBeGreaterThanOrEqualTo(19);
    }

    [Fact]
    public async Task every_role_and_department_gets_exactly_what_the_matrix_says()
    {
        var @case = await Host.ReferralFromEmployee();
        var failures = new List<string>();

        foreach (var endpoint in Endpoints().Where(e => !IsPublic(e.Route)))
        {
            if (endpoint.Policies.Count != 1)
            {
                failures.Add($"{endpoint.Method} {endpoint.Route} has no single explicit policy");
                continue;
            }
            var url = endpoint.Route.Replace("{id}", @case.Id.ToString()).Replace("{interventionId}", Guid.NewGuid().ToString()).Replace("{documentId}", Guid.NewGuid().ToString())
                .Replace("{year}", "2026").Replace("{half}", "1");
            foreach (var caller in Everyone.Append(Caller.Anonymous))
            {
                var answer = endpoint.Method == "GET"
                    ? await Host.Get(url, caller)
                    : await Host.PostRaw(url, "{}", caller);
                var expected = caller == Caller.Anonymous ? "401"
                    : Allows(endpoint.Policies.Single(), caller) ? "allowed" : "403";
                var got = answer.Status switch
                {
                    HttpStatusCode.Unauthorized => "401",
                    HttpStatusCode.Forbidden => "403",
                    _ => "allowed"
                };
                if (got != expected) failures.Add($"{endpoint.Method} {endpoint.Route} as {caller}: expected {expected}, got {(int)answer.Status}");
            }
        }

        failures.ShouldBeEmpty();
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version, "no probe may change the case");
    }

    [Fact]
    public async Task the_public_endpoints_need_no_token()
    {
        foreach (var route in new[] { "/health/live", "/health/ready", "/metrics", "/openapi/v1.json" })
        {
            var result = await Host.Scenario(s =>
            {
                s.Get.Url(route);
                s.IgnoreStatusCode();
            });
            result.Context.Response.StatusCode.ShouldBe(200, route);
        }
    }

    private sealed record Exposed(string Method, string Route, IReadOnlyList<string> Policies);

    private IReadOnlyList<Exposed> Endpoints() =>
    [
        .. Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // The web pages have their own specs in the browser (Browser/); this is the API's matrix.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Exposed(
                method,
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()])))
            .Distinct()
    ];
}
