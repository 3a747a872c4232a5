using Infohus.Api.Outreach;
using Infohus.EventStore.Members;
using Infohus.EventStore.Outreach;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Infohus.Api.Web.Pages.Oplysning;

/// <summary>
/// The Infohus's preventive work beside the cases: advice to a colleague (§2.1), an information and
/// dialogue meeting (§4.2.1), a newsletter (§5.2) and a course (§3.3). Each form runs the API's own
/// endpoint under the form's key; the half-year report counts what is recorded. Coded facts only: no
/// person and no account of a concern.
/// </summary>
public class IndexModel(IQuerySession query, OutboxedSessionFactory sessions, IMessageBus bus, IOptions<ActionPlanSettings> plan, TimeProvider clock) : PageModel
{
    public sealed record Optalt(int Sparring, int Moeder, int Nyhedsbreve, int Kurser);

    public Indtastning Input { get; private set; } = null!;

    [BindProperty(Name = "noegle")]
    public string Key { get; set; } = "";

    /// <summary>What is recorded this calendar year, Danish time.</summary>
    public Optalt IAar { get; private set; } = new(0, 0, 0, 0);

    /// <summary>This year's information and dialogue meetings as they stand, each with its latest correction applied.</summary>
    public IReadOnlyList<OutreachMeetingHeld> Moeder { get; private set; } = [];

    public int Aar => Today.Year;

    private DateOnly Today => DateOnly.FromDateTime(Dansk.Local(clock.GetUtcNow()).DateTime);

    public async Task OnGetAsync()
    {
        Key = Guid.NewGuid().ToString();
        var today = Today.ToString("yyyy-MM-dd");
        Input = new Indtastning(new FormCollection(new()
        {
            ["Sparring.Date"] = today, ["Moede.Date"] = today, ["Nyhedsbrev.Date"] = today, ["Kursus.Date"] = today
        }), ModelState, plan.Value);
        await Count();
    }

    public Task<IActionResult> OnPostSparringAsync() => Record("/api/outreach/advice",
        f =>
        {
            var date = f.Dato("Sparring.Date", "Skriv datoen for sparringen.");
            var topic = f.Valg<AdviceTopic>("Sparring.Topic", "Vælg, hvad sparringen handlede om.");
            var organisation = f.Valg<ReferrerOrganisation>("Sparring.Organisation", "Vælg kollegaens organisation.");
            var outcome = f.Valg<AdviceOutcome>("Sparring.Outcome", "Vælg, hvordan sparringen endte.");
            return date is { } d && topic is { } t && organisation is { } o && outcome is { } u ? new GiveAdvice(d, t, o, u) : null;
        },
        (command, session) => RecordOutreachEndpoints.Advice(command, session, HttpContext, clock),
        command => command.Outcome == AdviceOutcome.BecameReferral
            ? "Sparringen er registreret. Registrér bekymringen som en henvendelse under Ny henvendelse."
            : "Sparringen er registreret.");

    public Task<IActionResult> OnPostMoedeAsync() => Record("/api/outreach/meetings",
        f =>
        {
            var date = f.Dato("Moede.Date", "Skriv mødets dato.");
            var department = f.Valg<Department>("Moede.Department");
            var institution = f.Valg<InstitutionType>("Moede.Institution");
            if ((department is null) == (institution is null))
                f.State.AddModelError("Moede.Department", "Vælg enten en forvaltning (internt møde) eller en slags institution (eksternt møde).");
            var participants = f.PåkrævetTal("Moede.Participants", "Skriv antal deltagere.", "Skriv antal deltagere som et tal.");
            // No Action Cards handed out unless a number is given.
            var cards = f.Tekst("Moede.ActionCards") is null ? 0 : f.Tal("Moede.ActionCards", "Skriv antal uddelte Action Cards som et tal.");
            return date is { } d && participants is { } p && cards is { } c && (department is null) != (institution is null)
                ? new HoldOutreachMeeting(d, p, c, department, institution) : null;
        },
        (command, session) => RecordOutreachEndpoints.Meeting(command, session, HttpContext),
        command => $"Mødet {Dansk.Dato(command.Date)} er registreret.");

    public Task<IActionResult> OnPostNyhedsbrevAsync() => Record("/api/outreach/newsletters",
        f =>
        {
            var date = f.Dato("Nyhedsbrev.Date", "Skriv nyhedsbrevets dato.");
            var audience = f.Påkrævet("Nyhedsbrev.Audience", "Skriv, hvem nyhedsbrevet gik til.");
            return date is { } d && audience is not null ? new SendNewsletter(d, audience) : null;
        },
        (command, session) => RecordOutreachEndpoints.Newsletter(command, session, HttpContext),
        command => $"Nyhedsbrevet {Dansk.Dato(command.Date)} er registreret.");

    public Task<IActionResult> OnPostKursusAsync() => Record("/api/outreach/courses",
        f =>
        {
            var date = f.Dato("Kursus.Date", "Skriv kursets dato.");
            var course = f.Påkrævet("Kursus.Course", "Skriv kursets navn.");
            var provider = f.Valg<CourseProvider>("Kursus.Provider", "Vælg, hvem der holdt kurset.");
            return date is { } d && course is not null && provider is { } p ? new TakeCourse(d, course, p) : null;
        },
        (command, session) => RecordOutreachEndpoints.Course(command, session, HttpContext),
        command => $"Kurset {Dansk.Dato(command.Date)} er registreret.");

    /// <summary>Reads the form's command; runs the endpoint under the form's key; back to the page with a message, or the form again with the reason.</summary>
    private async Task<IActionResult> Record<T>(string apiRoute, Func<Indtastning, T?> read, Func<T, IDocumentSession, Task<IResult>> call, Func<T, string> done)
        where T : class
    {
        Input = new Indtastning(Request.Form, ModelState, plan.Value);
        var command = read(Input);
        if (command is null || !ModelState.IsValid || string.IsNullOrWhiteSpace(Key))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await Count();
            return Page();
        }

        await using var session = sessions.OpenSession(bus);
        var answer = await FormCalls.Run(HttpContext, Key, apiRoute, command, () => call(command, session));
        if (answer.Succeeded)
        {
            TempData["Besked"] = answer.Replayed ? "Formularen var allerede sendt og er kun registreret én gang." : done(command);
            return Redirect("/oplysning");
        }
        Key = Guid.NewGuid().ToString();
        Response.StatusCode = answer.Status;
        ModelState.AddModelError("", answer.Detail ?? "Det blev ikke registreret.");
        await Count();
        return Page();
    }

    private async Task Count()
    {
        var from = new DateOnly(Aar, 1, 1);
        var to = from.AddYears(1);
        var cancellation = HttpContext.RequestAborted;
        Moeder = [.. (await OutreachMeetings.AsRecorded(query, from, to, cancellation)).OrderByDescending(m => m.Date)];
        IAar = new Optalt(
            await query.Events.QueryRawEventDataOnly<AdviceGiven>().CountAsync(e => e.Date >= from && e.Date < to, cancellation),
            Moeder.Count,
            await query.Events.QueryRawEventDataOnly<NewsletterSent>().CountAsync(e => e.Date >= from && e.Date < to, cancellation),
            await query.Events.QueryRawEventDataOnly<CourseTaken>().CountAsync(e => e.Date >= from && e.Date < to, cancellation));
    }
}
