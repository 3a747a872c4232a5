using Infohus.Projections.Cases;

namespace Infohus.Api.Cases.Deadlines;

public static class GetOverdueCasesEndpoint
{
    /// <summary>Open cases that missed their reaction deadline and still wait, oldest due first.</summary>
    [WolverineGet("/api/cases/overdue"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IReadOnlyList<CaseSummary>> Get(IQuerySession session, HttpContext context) =>
        await session.Query<CaseSummary>()
            .Where(c => c.DeadlineMissed && c.Status == CaseStatus.Open)
            .OrderBy(c => c.DueAt)
            .ToListAsync(context.RequestAborted);
}
