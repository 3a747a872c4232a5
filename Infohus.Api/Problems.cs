using Infohus.Api.Contract;

namespace Infohus.Api;

/// <summary>RFC 9457 problem details with a message a member can act on, and never personal data.</summary>
public static class Problems
{
    public static IResult For(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => Invalid(refusal.Reason),
        RefusalKind.Forbidden => Problem(ProblemTypes.Forbidden, refusal.Reason),
        RefusalKind.NotFound => Problem(ProblemTypes.NotFound, refusal.Reason),
        RefusalKind.Conflict => Problem(ProblemTypes.StepOutOfOrder, refusal.Reason),
        RefusalKind.RuleBroken => Problem(ProblemTypes.PlanRefusal, refusal.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal))
    };

    public static IResult Invalid(string reason) => Problem(ProblemTypes.InvalidRequest, reason);

    /// <summary>A 400 naming the field that broke its rule (in <c>errors</c>), as a refused JSON body does.</summary>
    public static IResult InvalidField(string field, string reason) => Problem(ProblemTypes.InvalidField, reason,
        new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } });

    public static IResult PurposeMissing(string reason) => Problem(ProblemTypes.PurposeMissing, reason);

    public static IResult UnknownCase() => Problem(ProblemTypes.UnknownCase, "No case has this id.");

    public static IResult NotFound(string reason) => Problem(ProblemTypes.NotFound, reason);

    public static IResult Stale(long expected, long current) => Problem(
        ProblemTypes.StaleVersion,
        "The case was changed after the version you sent; reload it and decide again.",
        new Dictionary<string, object?> { ["expectedVersion"] = expected, ["currentVersion"] = current });

    public static IResult TooLarge(string reason) => Problem(ProblemTypes.TooLarge, reason);

    public static IResult UnsupportedType(string reason) => Problem(ProblemTypes.UnsupportedMediaType, reason, title: "Unsupported file type");

    public static IResult Gone(string reason) => Problem(ProblemTypes.Gone, reason);

    private static IResult Problem(ProblemType kind, string detail, IDictionary<string, object?>? extensions = null, string? title = null) =>
        Results.Problem(detail: detail, statusCode: kind.Status, title: title ?? kind.Title, type: kind.Type, extensions: extensions);
}
