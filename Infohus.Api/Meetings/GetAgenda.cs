using Infohus.EventStore.Meetings;
using Infohus.Projections.Cases;

namespace Infohus.Api.Meetings;

/// <summary>
/// What the meeting takes up: cases awaiting assessment, cases past their reaction deadline to review,
/// and, first, the acute intakes still awaiting assessment that call for an ad hoc meeting (§3.1, §4).
/// </summary>
public sealed record Agenda(Meeting Meeting, IReadOnlyList<CaseSummary> AwaitingAssessment, IReadOnlyList<CaseSummary> Overdue, IReadOnlyList<CaseSummary> AdHoc);

public static class GetAgendaEndpoint
{
    /// <summary>The stages before an assessment: received, routed, manager informed, interviewed, or reopened.</summary>
    public static readonly string[] AwaitingAssessment = ["received", "routed", "manager-informed", "interviewed", "reopened"];

    [WolverineGet("/api/meetings/{id}/agenda"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext context)
    {
        var meeting = await session.LoadAsync<Meeting>(id, context.RequestAborted);
        if (meeting is null) return Problems.NotFound("No meeting has this id.");

        var open = await session.Query<CaseSummary>().Where(c => c.Status == CaseStatus.Open).OrderBy(c => c.ReceivedAt).ToListAsync(context.RequestAborted);
        return Results.Ok(new Agenda(meeting,
            [.. open.Where(c => AwaitingAssessment.Contains(c.Stage))],
            [.. open.Where(c => c.DeadlineMissed)],
            [.. open.Where(c => c.AdHocMeeting && AwaitingAssessment.Contains(c.Stage))]));
    }
}
