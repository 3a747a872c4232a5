using Infohus.Api.Security;
using Infohus.Projections.Timeline;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Sager;

/// <summary>A case on one A4 page for a meeting: coded facts, the registration and the course. No personal data: a printout leaves the system.</summary>
public class UdskriftModel(IDocumentSession session) : PageModel
{
    public Case Case { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Course { get; private set; } = [];

    public IReadOnlyList<CaseAction> Allowed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await session.Events.FetchLatest<Case>(id, HttpContext.RequestAborted) is not { } state) return NotFound();
        Case = state;
        Allowed = state.AllowedActions(User.ToMemberRef());
        Course = await CaseTimeline.ReadAsync(session, id, cancellation: HttpContext.RequestAborted);
        return Page();
    }
}
