using Infohus.Api.Meetings;
using Infohus.EventStore.Meetings;
using Infohus.EventStore.Members;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Infohus.Api.Web.Pages.Moeder;

/// <summary>The Infohus meets at least once a month, or ad hoc (§3.1): the meetings called, and calling one through the API's endpoint.</summary>
public class IndexModel(IQuerySession query, OutboxedSessionFactory sessions, IMessageBus bus, IOptions<ActionPlanSettings> plan) : FormPage(sessions, bus)
{
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public async Task OnGetAsync()
    {
        NewKey();
        Input = new Indtastning(null, ModelState, plan.Value);
        await Load();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input = new Indtastning(Request.Form, ModelState, plan.Value);
        var kind = Input.Valg<MeetingKind>("Kind", "Vælg slags møde.");
        var date = Input.Dato("Date", "Skriv mødets dato.");
        var attendees = Input.Flere<Department>("Attendees");
        if (kind is null || date is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await Load();
            return Page();
        }

        var command = new CallMeeting(kind.Value, date.Value, attendees);
        var (_, done) = await Send("/api/meetings", command, session => CallMeetingEndpoint.Post(command, session, HttpContext),
            _ => $"{Dansk.Ord(kind.Value)} {Dansk.Dato(date.Value)} er indkaldt.", answer => $"/moeder/{answer.Id}", "Mødet blev ikke indkaldt.");
        if (done is not null) return done;
        await Load();
        return Page();
    }

    private async Task Load() =>
        Meetings = await query.Query<Meeting>().OrderByDescending(m => m.Date).Take(50).ToListAsync(HttpContext.RequestAborted);
}
