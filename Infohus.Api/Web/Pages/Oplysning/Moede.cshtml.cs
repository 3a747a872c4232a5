using Infohus.Api.Outreach;
using Infohus.EventStore.Outreach;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Infohus.Api.Web.Pages.Oplysning;

/// <summary>
/// An information and dialogue meeting's figures put right (participants, Action Cards) with the reason,
/// through the API's correction endpoint: a correcting event on the meeting's stream, the recorded one
/// never changed.
/// </summary>
public class MoedeModel(IQuerySession query, OutboxedSessionFactory sessions, IMessageBus bus, IOptions<ActionPlanSettings> plan, TimeProvider clock) : FormPage(sessions, bus)
{
    public OutreachMeetingHeld Moede { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Load(id) is { } missing) return missing;
        NewKey();
        Input = new Indtastning(new FormCollection(new()
        {
            ["Participants"] = Moede.Participants.ToString(), ["ActionCards"] = Moede.ActionCards.ToString()
        }), ModelState, plan.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await Load(id) is { } missing) return missing;
        Input = new Indtastning(Request.Form, ModelState, plan.Value);
        var participants = Figures.Deltagere(Input, "Participants");
        var cards = Figures.ActionCards(Input, "ActionCards");
        var reason = Input.Påkrævet("Reason", "Skriv, hvorfor tallene rettes.");
        if (participants is null || cards is null || reason is null || string.IsNullOrWhiteSpace(Key))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var command = new CorrectOutreachMeeting(participants.Value, cards.Value, reason);
        var (_, done) = await Send($"/api/outreach/meetings/{id}/correction", command,
            session => RecordOutreachEndpoints.Correction(id, command, session, HttpContext, clock),
            _ => $"Tallene for mødet {Dansk.Dato(Moede.Date)} er rettet.", _ => "/oplysning", "Tallene blev ikke rettet.");
        return done ?? Page();
    }

    private async Task<IActionResult?> Load(Guid id)
    {
        var held = await query.Events.QueryRawEventDataOnly<OutreachMeetingHeld>().Where(m => m.Id == id).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (held is null) return NotFound();
        Moede = (await OutreachMeetings.AsRecorded(query, held.Date, held.Date.AddDays(1), HttpContext.RequestAborted)).Single(m => m.Id == id);
        return null;
    }
}
