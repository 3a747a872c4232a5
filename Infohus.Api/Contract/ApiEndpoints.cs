using System.Reflection;

namespace Infohus.Api.Contract;

/// <summary>An endpoint as its code declares it: the HTTP method, the route and the method that answers.</summary>
public sealed record ApiEndpoint(string HttpMethod, string Route, MethodInfo Method)
{
    public string Key => $"{HttpMethod} {Route}";

    /// <summary>The capability, from the use case's folder: <c>Infohus.Api.Cases.Assessing</c> → Assessing.</summary>
    public string Capability => Method.DeclaringType!.Namespace!.Split('.').Last();
}

public static class ApiEndpoints
{
    /// <summary>Every Wolverine HTTP endpoint declared in the assembly.</summary>
    public static IEnumerable<ApiEndpoint> In(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        from attribute in method.GetCustomAttributes<WolverineHttpMethodAttribute>()
        select new ApiEndpoint(attribute.HttpMethod, "/" + attribute.Template.TrimStart('/'), method);
}
