using Infohus.EventStore.Members;
using Microsoft.Extensions.Options;

namespace Infohus.Api.Cases.Assessing;

/// <summary>The concern assessed again after feedback a) or b), while the case is open: escalated or stepped down.</summary>
public sealed record ReassessConcern(
    long Version,
    IReadOnlyList<Department> Participants,
    string? ConcernLevel = null,
    PreventionTier? Tier = null,
    DateTimeOffset? OccurredAt = null,
    Guid? MeetingId = null) : ICaseCommand;

public static class ReassessConcernEndpoint
{
    [WolverinePost("/api/cases/{id}/reassessment"), Authorize(Policy = Policies.CaseWork)]
    public static async Task<IResult> Post(Guid id, ReassessConcern? command, IDocumentSession session, HttpContext context, IOptions<ActionPlanSettings> plan)
    {
        if (await AssessConcernEndpoint.UnknownMeeting(session, command?.MeetingId, context.RequestAborted) is { } unknown) return unknown;
        return await session.Decide(context, id, command, (state, at, actor, _) => state.Reassess(
            command!.ConcernLevel, command.Tier, command.Participants, plan.Value, at, actor, command.MeetingId));
    }
}
