using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Infohus.Api.Web.Tilsyn;

/// <summary>
/// What an API endpoint answered, as a page reads it: the pages call the endpoints' own code (same
/// queries, same policies' data, same access log, same decisions) and show its value or its problem.
/// </summary>
public sealed record ApiSvar<T>(T? Value, ProblemDetails? Problem)
{
    public bool Ok => Problem is null && Value is not null;

    /// <summary>The API's reason, word for word, as the API gives it.</summary>
    public string Reason => Problem?.Detail ?? Problem?.Title ?? "";

    public int Status => Problem?.Status ?? StatusCodes.Status200OK;
}

public static class ApiSvar
{
    public static ApiSvar<T> Of<T>(IResult result)
    {
        // A typed union (Results<Ok<T>, ProblemHttpResult>) holds the answer it chose.
        while (result is INestedHttpResult nested) result = nested.Result;
        return result switch
        {
            IValueHttpResult<T> { Value: { } value } => new ApiSvar<T>(value, null),
            // The write path answers Ok<object> (the new version, or the step's own answer).
            IValueHttpResult { Value: T value } => new ApiSvar<T>(value, null),
            ProblemHttpResult problem => new ApiSvar<T>(default, problem.ProblemDetails),
            IStatusCodeHttpResult { StatusCode: var status } => new ApiSvar<T>(default, new ProblemDetails { Status = status, Title = "Uventet svar" }),
            _ => throw new InvalidOperationException($"The endpoint answered {result.GetType().Name}, not {typeof(T).Name}.")
        };
    }

    public static async Task<ApiSvar<T>> Of<T>(Task<IResult> result) => Of<T>(await result);
}
