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
public class IndexModel(IQuerySession query, OutboxedSessionFactory sessions, IMessageBus bus, IOptions<ActionPlanSettings> plan, TimeProvider clock) : FormPage(sessions, bus)
{
    public sealed record Optalt(int Sparring, int Moeder, int Nyhedsbreve, int Kurser);

    /// <summary>What is recorded this calendar year, Danish time.</summary>
    public Optalt IAar { get; private set; } = new(0, 0, 0, 0);

    /// <summary>The information and dialogue meetings since <see cref="ListedFrom"/> as they stand, each with its latest correction applied.</summary>
    public IReadOnlyList<OutreachMeetingHeld> Moeder { get; private set; } = [];

    public int Aar => Today.Year;

    /// <summary>The first day of the meetings listed.</summary>
    public DateOnly ListedFrom { get; private set; }

    private DateOnly Today => DateOnly.FromDateTime(Dansk.Local(clock.GetUtcNow()).DateTime);

    private static readonly string[] DateFields = ["Sparring.Date", "Moede.Date", "Nyhedsbrev.Date", "Kursus.Date"];

    public async Task OnGetAsync()
    {
        NewKey();
        Input = new Indtastning(WithTodayWhereEmpty([]), ModelState, plan.Value);
        await Count();
    }

    /// <summary>The forms' fields as sent, each form's date today unless one was given: the other forms keep their default after one is sent.</summary>
    private FormCollection WithTodayWhereEmpty(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> sent)
    {
        var fields = sent.ToDictionary();
        foreach (var date in DateFields) if (!fields.ContainsKey(date)) fields[date] = Today.ToString("yyyy-MM-dd");
        return new FormCollection(fields);
    }

    /// <summary>A date the work was done: given, and not after today (Danish time).</summary>
    private DateOnly? Done(Indtastning f, string field, string missing)
    {
        if (f.Dato(field, missing) is not { } date) return null;
        if (date <= Today) return date;
        f.State.AddModelError(field, "Datoen ligger efter i dag. Registrér det, når det er sket.");
        return null;
    }

    public Task<IActionResult> OnPostSparringAsync() => Record("/api/outreach/advice",
        f =>
        {
            var date = Done(f, "Sparring.Date", "Skriv datoen for sparringen.");
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
            var date = Done(f, "Moede.Date", "Skriv mødets dato.");
            var department = f.Valg<Department>("Moede.Department");
            var institution = f.Valg<InstitutionType>("Moede.Institution");
            if ((department is null) == (institution is null))
                f.State.AddModelError("Moede.Department", "Vælg enten en forvaltning (internt møde) eller en slags institution (eksternt møde).");
            var participants = Figures.Deltagere(f, "Moede.Participants");
            // No Action Cards handed out unless a number is given.
            var cards = f.Tekst("Moede.ActionCards") is null ? 0 : Figures.ActionCards(f, "Moede.ActionCards");
            return date is { } d && participants is { } p && cards is { } c && (department is null) != (institution is null)
                ? new HoldOutreachMeeting(d, p, c, department, institution) : null;
        },
        (command, session) => RecordOutreachEndpoints.Meeting(command, session, HttpContext),
        command => $"Mødet {Dansk.Dato(command.Date)} er registreret.");

    public Task<IActionResult> OnPostNyhedsbrevAsync() => Record("/api/outreach/newsletters",
        f =>
        {
            var date = Done(f, "Nyhedsbrev.Date", "Skriv nyhedsbrevets dato.");
            var audience = f.Påkrævet("Nyhedsbrev.Audience", "Skriv, hvem nyhedsbrevet gik til.");
            return date is { } d && audience is not null ? new SendNewsletter(d, audience) : null;
        },
        (command, session) => RecordOutreachEndpoints.Newsletter(command, session, HttpContext),
        command => $"Nyhedsbrevet {Dansk.Dato(command.Date)} er registreret.");

    public Task<IActionResult> OnPostKursusAsync() => Record("/api/outreach/courses",
        f =>
        {
            var date = Done(f, "Kursus.Date", "Skriv kursets dato.");
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
        Input = new Indtastning(WithTodayWhereEmpty(Request.Form), ModelState, plan.Value);
        var command = read(Input);
        if (command is null || !ModelState.IsValid || string.IsNullOrWhiteSpace(Key))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await Count();
            return Page();
        }

        var (_, sent) = await Send(apiRoute, command, session => call(command, session), _ => done(command), _ => "/oplysning", "Det blev ikke registreret.");
        if (sent is not null) return sent;
        await Count();
        return Page();
    }

    /// <summary>
    /// This year's counts and the meetings listed, from one read of the outreach events (one pass over the
    /// event table instead of one per kind; they are few beside the cases' events).
    /// </summary>
    private async Task Count()
    {
        var from = new DateOnly(Aar, 1, 1);
        var to = from.AddYears(1);
        var events = (await query.Events.QueryAllRawEvents()
                .Where(e => Marten.Events.LinqExtensions.EventTypesAre(e, typeof(AdviceGiven), typeof(OutreachMeetingHeld), typeof(OutreachMeetingCorrected), typeof(NewsletterSent), typeof(CourseTaken)))
                .OrderBy(e => e.Sequence).ToListAsync(HttpContext.RequestAborted))
            .Select(e => e.Data).ToList();
        // Listed from the start of the half-year before this one: a meeting can still be put right for the last report.
        ListedFrom = Today.Month <= 6 ? new DateOnly(Aar - 1, 7, 1) : from;
        Moeder = [.. OutreachMeetings.AsRecorded(events, ListedFrom, to).OrderByDescending(m => m.Date)];
        IAar = new Optalt(
            events.OfType<AdviceGiven>().Count(e => e.Date >= from && e.Date < to),
            Moeder.Count(m => m.Date >= from),
            events.OfType<NewsletterSent>().Count(e => e.Date >= from && e.Date < to),
            events.OfType<CourseTaken>().Count(e => e.Date >= from && e.Date < to));
    }
}

/// <summary>A meeting's figures as the plan bounds them (<see cref="OutreachRules"/>), refused on the field in Danish.</summary>
public static class Figures
{
    // Thousands with a point, as in Danish (the process runs without cultures: globalization-invariant).
    private static readonly System.Globalization.NumberFormatInfo Danish = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public static int? Deltagere(Indtastning f, string field) =>
        Within(f, field, f.PåkrævetTal(field, "Skriv antal deltagere.", "Skriv antal deltagere som et tal."), 1, OutreachRules.MaxParticipants, "Antal deltagere");

    public static int? ActionCards(Indtastning f, string field) =>
        Within(f, field, f.PåkrævetTal(field, "Skriv antal uddelte Action Cards (0, hvis ingen).", "Skriv antal uddelte Action Cards som et tal."),
            0, OutreachRules.MaxActionCards, "Antal Action Cards");

    private static int? Within(Indtastning f, string field, int? value, int from, int to, string what)
    {
        if (value is not { } v) return null;
        if (v >= from && v <= to) return v;
        f.State.AddModelError(field, $"{what} er mellem {from} og {to.ToString("N0", Danish)}.");
        return null;
    }
}
