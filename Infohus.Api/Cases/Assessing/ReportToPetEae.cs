namespace Infohus.Api.Cases.Assessing;

/// <summary>Indberetning to PET and EAE, made by the local police (§4.3 I).</summary>
public sealed record ReportToPetEae(long Version, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class ReportToPetEaeEndpoint
{
    [WolverinePost("/api/cases/{id}/pet-eae-report"), Authorize(Policy = Policies.PoliceCaseWork)]
    public static Task<IResult> Post(Guid id, ReportToPetEae? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.ReportToPetEae(at, actor));
}
