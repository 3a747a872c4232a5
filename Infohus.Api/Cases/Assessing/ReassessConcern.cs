using Infohus.EventStore.Meetings;
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
        if (command?.MeetingId is { } meetingId && await session.LoadAsync<Meeting>(meetingId, context.RequestAborted) is null)
            return Problems.NotFound("No meeting has this id.");
        return await session.Decide(context, id, command, (state, at, actor, _) => state.Reassess(
            command!.ConcernLevel, command.Tier, command.Participants, plan.Value, at, actor, command.MeetingId));
    }
}
