namespace Infohus.Api.Cases.Assigning;

/// <summary>The coordinator or the case's assignee assigns it to a named member of any department.</summary>
public sealed record AssignCase(long Version, Assignee Assignee, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class AssignCaseEndpoint
{
    [WolverinePost("/api/cases/{id}/assignment"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, AssignCase? command, IDocumentSession session, HttpContext context) =>
        command is { Assignee: null }
            ? Task.FromResult(Problems.Invalid("Name the member the case is assigned to: memberId, name and department."))
            : session.Decide(context, id, command, (state, at, actor, _) => state.AssignCase(command!.Assignee, at, actor));
}
