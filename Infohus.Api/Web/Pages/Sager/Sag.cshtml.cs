using Infohus.Api.Cases.Journal;
using Infohus.Api.Cases.Reading;
using Infohus.Api.Legal;
using Infohus.Api.Security;
using Infohus.EventStore.PersonalData;
using Infohus.Projections.Timeline;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Sager;

/// <summary>
/// The case: its coded facts and the steps the plan allows now for everyone; its personal data, the
/// timeline's texts and the documents only after the member has stated a purpose, once per visit, read
/// through the API's own endpoints, so each read is in the access log exactly as through the API.
/// </summary>
// The API's reads run on a document session (Wolverine hands them one); Marten's FetchLatest needs it.
public class SagModel(IDocumentSession session, PersonalDataProtection protection, CasePurposes purposes) : PageModel
{
    public Case Case { get; private set; } = null!;

    public string? Purpose { get; private set; }

    public CaseView? View { get; private set; }

    public IReadOnlyList<TimelineLine> Timeline { get; private set; } = [];

    public IReadOnlyList<DocumentAttached> Documents { get; private set; } = [];

    public IReadOnlyList<CaseAction> Allowed { get; private set; } = [];

    /// <summary>The timeline's sentences in Danish by version; a line without one keeps the projection's.</summary>
    public IReadOnlyDictionary<long, string> Sentences { get; private set; } = new Dictionary<long, string>();

    [BindProperty(Name = "formaal")]
    public string? PurposeInput { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await session.Events.FetchLatest<Case>(id, HttpContext.RequestAborted) is not { } state) return NotFound();
        Case = state;
        Allowed = state.AllowedActions(User.ToMemberRef());
        // The case's own stream (indexed), not a search of every event's data for the case id.
        var stream = await session.Events.FetchStreamAsync(id, token: HttpContext.RequestAborted);
        Documents = [.. stream.Select(e => e.Data).OfType<DocumentAttached>()];
        Sentences = Tidslinje.Sætninger(stream);

        Purpose = purposes.For(HttpContext, id);
        if (Purpose is null)
        {
            Timeline = [.. CaseTimeline.Lines(stream).Select(e => new TimelineLine(e.Version, e.Kind, e.OccurredAt, e.RecordedAt, e.ActorUserId, e.ActorRole, e.ActorDepartment, e.Sentence, null))];
            return Page();
        }

        CasePurposes.State(HttpContext, Purpose);
        if (await GetCaseEndpoint.Get(id, session, HttpContext, protection) is IValueHttpResult { Value: CaseView view })
        {
            View = view;
            Allowed = view.AllowedActions;
        }
        if (await GetTimelineEndpoint.Get(id, session, HttpContext, protection) is IValueHttpResult { Value: IEnumerable<TimelineLine> lines })
            Timeline = [.. lines];
        return Page();
    }

    /// <summary>The purpose for reading the personal data, stated once for this case in this session.</summary>
    public IActionResult OnPostFormaal(Guid id)
    {
        var purpose = PurposeInput?.Trim();
        if (string.IsNullOrEmpty(purpose) || purpose.Length > AccessLog.MaxPurposeLength)
        {
            TempData["Formaalsfejl"] = $"Skriv formålet med at se personoplysningerne (højst {AccessLog.MaxPurposeLength} tegn).";
            return Redirect($"/sager/{id}#formaal");
        }
        purposes.Remember(HttpContext, id, purpose);
        return Redirect($"/sager/{id}#personoplysninger");
    }

    /// <summary>A document, through the API's download (purpose stated, access-logged, never cached).</summary>
    public async Task<IActionResult> OnGetDokumentAsync(Guid id, Guid dokument)
    {
        if (purposes.For(HttpContext, id) is not { } purpose) return Redirect($"/sager/{id}#formaal");
        CasePurposes.State(HttpContext, purpose);
        await (await GetDocumentEndpoint.Get(id, dokument, session, HttpContext, protection)).ExecuteAsync(HttpContext);
        return new EmptyResult();
    }
}
