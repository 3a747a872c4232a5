namespace Infohus.Api.Cases.Closing;

/// <summary>Evaluering af forløb (§4.2.2 III). A course may be evaluated more than once, e.g. at 6 and 12 months.</summary>
public sealed record EvaluateCourse(long Version, EvaluationOutcome Outcome, string? Notes = null, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class EvaluateCourseEndpoint
{
    [WolverinePost("/api/cases/{id}/evaluation"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, EvaluateCourse? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, cipher) => state.Evaluate(command!.Outcome, cipher.Seal(command.Notes), at, actor));
}
