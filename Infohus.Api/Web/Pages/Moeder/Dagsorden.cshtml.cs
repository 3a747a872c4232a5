using Infohus.Api.Meetings;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Moeder;

/// <summary>A meeting's agenda as the API composes it, printable: ad hoc intakes first, then cases awaiting assessment, then overdue cases.</summary>
public class DagsordenModel(IQuerySession session) : PageModel
{
    public Agenda Agenda { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await GetAgendaEndpoint.Get(id, session, HttpContext) is not IValueHttpResult { Value: Agenda agenda }) return NotFound();
        Agenda = agenda;
        return Page();
    }
}
