using Microsoft.Extensions.Options;

namespace Infohus.Api.Cases.Registering;

/// <summary>
/// The coded registration (§4.2.2 III) as it now reads, completed or corrected with what the Infohus
/// learned after intake. On a citizen's concern waiting in triage, a known age routes it (§4.2.2 II).
/// </summary>
public sealed record CorrectRegistration(long Version, Registration Registration, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class CorrectRegistrationEndpoint
{
    [WolverinePost("/api/cases/{id}/registration"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, CorrectRegistration? command, IDocumentSession session, HttpContext context, IOptions<ActionPlanSettings> plan) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.CorrectRegistration(command!.Registration, plan.Value, at, actor));
}
