namespace Infohus.Api.Cases.Feedback;

/// <summary>Tilbagemelding to the referrer: a) guidance, or b) targeted intervention (§4.2.2 I).</summary>
public sealed record GiveFeedback(long Version, FeedbackKind Kind, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class GiveFeedbackEndpoint
{
    [WolverinePost("/api/cases/{id}/feedback"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, GiveFeedback? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, _) => state.GiveFeedback(command!.Kind, at, actor));
}
