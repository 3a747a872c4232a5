using Infohus.EventStore.Members;
using Microsoft.Extensions.Options;

namespace Infohus.Api.Cases.Assessing;

/// <summary>The Infohus's assessment of the concern: level on the staircase and tier of the triangle.</summary>
public sealed record AssessConcern(
    long Version,
    bool ConcernsExtremism,
    IReadOnlyList<Department> Participants,
    string? ConcernLevel = null,
    PreventionTier? Tier = null,
    DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class AssessConcernEndpoint
{
    [WolverinePost("/api/cases/{id}/assessment"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, AssessConcern? command, IDocumentSession session, HttpContext context, IOptions<ActionPlanSettings> plan) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.Assess(
            command!.ConcernsExtremism, command.ConcernLevel, command.Tier, command.Participants, plan.Value, at, actor));
}
