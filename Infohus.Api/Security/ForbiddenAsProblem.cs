using Microsoft.AspNetCore.Authorization.Policy;

namespace Infohus.Api.Security;

/// <summary>
/// A 403 from a policy says which policy refused, so a member knows it is their role or department
/// and not the case. A missing or invalid token stays the bearer scheme's 401 challenge.
/// </summary>
public sealed class ForbiddenAsProblem : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        // A page's refusal is the cookie scheme's: the Danish "no access" page.
        if (!result.Forbidden || context.User.Identity?.IsAuthenticated != true || !WebSignIn.IsApiCall(context))
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        var policies = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().ToList() ?? [];
        await Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed for your role or department",
            detail: $"This endpoint requires the policy {string.Join(", ", policies)}; see the roles table in the README.")
            .ExecuteAsync(context);
    }
}
