using Infohus.EventStore.Meetings;
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
    DateTimeOffset? OccurredAt = null,
    Guid? MeetingId = null) : ICaseCommand;

public static class AssessConcernEndpoint
{
    [WolverinePost("/api/cases/{id}/assessment"), Authorize(Policy = Policies.CaseWork)]
    public static async Task<IResult> Post(Guid id, AssessConcern? command, IDocumentSession session, HttpContext context, IOptions<ActionPlanSettings> plan)
    {
        if (await UnknownMeeting(session, command?.MeetingId, context.RequestAborted) is { } unknown) return unknown;
        return await session.Decide(context, id, command, (state, at, actor, _) => state.Assess(
            command!.ConcernsExtremism, command.ConcernLevel, command.Tier, command.Participants, plan.Value, at, actor, command.MeetingId));
    }

    /// <summary>An assessment (and a re-assessment) may name the Infohus meeting it was made at (§3.1): one that exists.</summary>
    public static async Task<IResult?> UnknownMeeting(IDocumentSession session, Guid? meetingId, CancellationToken cancellation) =>
        meetingId is { } id && await session.LoadAsync<Meeting>(id, cancellation) is null ? Problems.NotFound("No meeting has this id.") : null;
}
