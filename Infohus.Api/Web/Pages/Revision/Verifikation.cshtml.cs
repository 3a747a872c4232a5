using Infohus.Api.Audit;
using Infohus.EventStore.Audit;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Infohus.Api.Web.Pages.Revision;

/// <summary>The verification of the tamper-evident history: <c>GET /api/audit/verification</c>'s own code.</summary>
public class VerifikationModel(IDocumentStore store) : PageModel
{
    public AuditVerification Resultat { get; private set; } = null!;

    public async Task OnGetAsync() => Resultat = await VerifyAuditEndpoint.Get(store, HttpContext);
}
