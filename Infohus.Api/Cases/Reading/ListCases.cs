using Infohus.Api.Hosting;
using Infohus.EventStore.Members;
using Infohus.Projections.Cases;
using System.Security.Claims;
using Marten.Pagination;

namespace Infohus.Api.Cases.Reading;

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, long Page, long PageSize, long Total);

public static class ListCasesEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Newest first. Filters: status, tier, department (responsible), assignedTo: a member's user id,
    /// <c>me</c> for the caller, or <c>none</c> for the cases waiting in a queue to be claimed; reference
    /// (or its beginning), concernLevel, and the period received (from inclusive, to exclusive).
    /// </summary>
    [WolverineGet("/api/cases"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IResult> Get(
        IQuerySession session, HttpContext context,
        string? status = null, string? tier = null, string? department = null, string? assignedTo = null,
        string? reference = null, string? concernLevel = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int page = 1, int pageSize = 50)
    {
        if (InputLimits.RefusePage(page, pageSize, MaxPageSize) is { } refused) return refused;

        var query = session.Query<CaseSummary>().AsQueryable();
        if (status is not null)
        {
            if (!TryParse<CaseStatus>(status, out var s)) return Problems.Invalid("status is open or closed.");
            query = query.Where(c => c.Status == s);
        }
        if (tier is not null)
        {
            if (!TryParse<PreventionTier>(tier, out var t)) return Problems.Invalid("tier is general, specific or targeted.");
            query = query.Where(c => c.Tier == t);
        }
        if (department is not null)
        {
            if (!TryParse<Department>(department, out var d)) return Problems.Invalid("department is bfu, saeh, au or police.");
            query = query.Where(c => c.ResponsibleDepartment == d);
        }
        // A reference or its beginning: "2026-0042" finds the case, "2026-" the year's.
        if (reference is not null)
        {
            var prefix = reference.Trim();
            query = query.Where(c => c.Reference != null && c.Reference.StartsWith(prefix));
        }
        if (concernLevel is not null) query = query.Where(c => c.ConcernLevel == concernLevel.Trim());
        // The period the referrals were received in: from inclusive, to exclusive.
        if (from is { } start) query = query.Where(c => c.ReceivedAt >= start.ToUniversalTime());
        if (to is { } end) query = query.Where(c => c.ReceivedAt < end.ToUniversalTime());
        switch (assignedTo)
        {
            case null: break;
            case "none": query = query.Where(c => c.AssignedTo == null); break;
            case "me":
                var me = context.User.FindFirstValue(InfohusClaims.Subject);
                query = query.Where(c => c.AssignedTo == me);
                break;
            default: query = query.Where(c => c.AssignedTo == assignedTo); break;
        }

        var items = await query.OrderByDescending(c => c.ReceivedAt).ToPagedListAsync(page, pageSize, context.RequestAborted);
        return Results.Ok(new CasePage([.. items], page, pageSize, items.TotalItemCount));
    }

    private static bool TryParse<T>(string value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value.Replace("-", ""), ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
}
