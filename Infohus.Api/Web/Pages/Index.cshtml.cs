using System.Security.Claims;
using Infohus.Api.Security;
using Infohus.EventStore.Members;
using Infohus.Projections.Cases;
using Infohus.Api.Meetings;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages;

/// <summary>The members' inbox: my cases, my department's queue, awaiting assessment, overdue, acute, every open case. Coded facts only.</summary>
public class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public const string Lukkede = "lukkede";

    public sealed record Fane(string Kode, string Titel, int Antal);

    [BindProperty(SupportsGet = true, Name = "visning")]
    public string Visning { get; set; } = "mine";

    /// <summary>A case number to go to (any case, closed ones too), from the search field above the views.</summary>
    [BindProperty(SupportsGet = true, Name = "sag")]
    public string? Sag { get; set; }

    public IReadOnlyList<Fane> Faner { get; private set; } = [];

    public IReadOnlyList<CaseSummary> Sager { get; private set; } = [];

    public DateTimeOffset Nu { get; private set; }

    public string? Me { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Navigation.RoleOf(User) is not (Role.Member or Role.Coordinator)) return LocalRedirect(Navigation.Home(User));
        if (Sag is { } wanted && wanted.Trim() is { Length: > 0 } reference)
        {
            var found = await session.Query<CaseSummary>().Where(c => c.Reference == reference).Select(c => c.Id).ToListAsync(HttpContext.RequestAborted);
            if (found is [var id]) return Redirect($"/sager/{id}");
            ModelState.AddModelError("sag", $"Ingen sag har sagsnummeret {reference}. Skriv nummeret, som det står på sagen, fx 2026-0042.");
        }
        Nu = clock.GetUtcNow();
        var me = Me = User.FindFirstValue(InfohusClaims.Subject);
        var department = Enum.Parse<Department>(User.FindFirstValue(InfohusClaims.Department)!, ignoreCase: true);
        var open = session.Query<CaseSummary>().Where(c => c.Status == CaseStatus.Open);
        var views = new (string Code, string Title, IQueryable<CaseSummary> Query)[]
        {
            ("mine", "Mine sager", open.Where(c => c.AssignedTo == me)),
            ("afdeling", $"Kø i {Dansk.Ord(department)}", open.Where(c => c.ResponsibleDepartment == department && c.AssignedTo == null)),
            ("afventer", "Afventer vurdering", open.Where(c => c.Stage.IsOneOf(GetAgendaEndpoint.AwaitingAssessment))),
            ("overskredet", "Overskredne frister", open.Where(c => c.DeadlineMissed || c.DueAt < Nu)),
            ("akut", "Akutte", open.Where(c => c.ConcernLevel == "acute" || c.AdHocMeeting)),
            // Every open case, whoever has it: the Infohus works its cases together (a crisis team, the monthly meeting).
            ("alle", "Alle åbne sager", open),
            // Closed cases, the most recently closed first: to evaluate, to reopen, to answer a question about a course.
            (Lukkede, "Lukkede sager", session.Query<CaseSummary>().Where(c => c.Status == CaseStatus.Closed))
        };
        if (!views.Any(v => v.Code == Visning)) Visning = "mine";

        var counts = await Counts(me!, department);
        var closed = await session.Query<CaseSummary>().CountAsync(c => c.Status == CaseStatus.Closed, HttpContext.RequestAborted);
        Faner = [.. views.Select((v, i) => new Fane(v.Code, v.Title, v.Code == Lukkede ? closed : counts[i]))];
        var shown = views.Single(v => v.Code == Visning).Query;
        Sager = await (Visning == Lukkede ? shown.OrderByDescending(c => c.ClosedAt) : shown.OrderBy(c => c.DueAt).ThenByDescending(c => c.ReceivedAt))
            .Take(Shown).ToListAsync(HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>
    /// The views' counts in one pass over the open cases, instead of a query each: the same
    /// conditions as the views' LINQ above, on the columns Marten stores the case list in.
    /// </summary>
    private async Task<int[]> Counts(string me, Department department)
    {
        var table = session.DocumentStore.Options.Schema.For<CaseSummary>();
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(HttpContext.RequestAborted);
        await using var count = new Npgsql.NpgsqlCommand($"""
            select
                count(*) filter (where data ->> 'assignedTo' = @me),
                count(*) filter (where data ->> 'responsibleDepartment' = @department and data ->> 'assignedTo' is null),
                count(*) filter (where data ->> 'stage' = any(@awaiting)),
                count(*) filter (where (data ->> 'deadlineMissed')::boolean or {schema}.mt_immutable_timestamptz(data ->> 'dueAt') < @now),
                count(*) filter (where data ->> 'concernLevel' = 'acute' or (data ->> 'adHocMeeting')::boolean),
                count(*)
            from {table} where data ->> 'status' = 'Open'
            """, connection);
        count.Parameters.AddWithValue("me", me);
        count.Parameters.AddWithValue("department", department.ToString());
        count.Parameters.AddWithValue("awaiting", GetAgendaEndpoint.AwaitingAssessment);
        count.Parameters.AddWithValue("now", Nu);
        await using var reader = await count.ExecuteReaderAsync(HttpContext.RequestAborted);
        await reader.ReadAsync(HttpContext.RequestAborted);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => (int)reader.GetInt64(i))];
    }
}
