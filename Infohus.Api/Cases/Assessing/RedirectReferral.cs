namespace Infohus.Api.Cases.Assessing;

/// <summary>A concern that is not about extremism is passed on to the right body (§4.2.2).</summary>
public sealed record RedirectReferral(long Version, string Body, RedirectionReason Reason, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class RedirectReferralEndpoint
{
    [WolverinePost("/api/cases/{id}/redirection"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, RedirectReferral? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.Redirect(command!.Body, command.Reason, at, actor));
}
