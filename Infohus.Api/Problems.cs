namespace Infohus.Api;

/// <summary>RFC 9457 problem details with a message a member can act on, and never personal data.</summary>
public static class Problems
{
    public static IResult For(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => Invalid(refusal.Reason),
        RefusalKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed for your role or department", refusal.Reason),
        RefusalKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", refusal.Reason),
        RefusalKind.Conflict => Problem(StatusCodes.Status409Conflict, "The step does not fit the case's current state", refusal.Reason),
        RefusalKind.RuleBroken => Problem(StatusCodes.Status422UnprocessableEntity, "Refused by the action plan", refusal.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal))
    };

    public static IResult Invalid(string reason) => Problem(StatusCodes.Status400BadRequest, "Invalid request", reason);

    public static IResult UnknownCase() => Problem(StatusCodes.Status404NotFound, "Unknown case", "No case has this id.");

    public static IResult NotFound(string reason) => Problem(StatusCodes.Status404NotFound, "Not found", reason);

    public static IResult Stale(long expected, long current) => Problem(
        StatusCodes.Status409Conflict,
        "The case has changed",
        "The case was changed after the version you sent; reload it and decide again.",
        new Dictionary<string, object?> { ["expectedVersion"] = expected, ["currentVersion"] = current });

    public static IResult TooLarge(string reason) => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", reason);

    public static IResult UnsupportedType(string reason) => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type", reason);

    public static IResult Gone(string reason) => Problem(StatusCodes.Status410Gone, "Gone", reason);

    private static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
