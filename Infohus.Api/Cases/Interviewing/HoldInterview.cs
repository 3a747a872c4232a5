namespace Infohus.Api.Cases.Interviewing;

/// <summary>The bekymringsinterview, with the two notices of §4.2.2 I recorded as given.</summary>
public sealed record HoldInterview(
    long Version,
    bool NotificationDutyExplained,
    bool ImmigrationServiceDutyExplained,
    string? Notes = null,
    DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class HoldInterviewEndpoint
{
    [WolverinePost("/api/cases/{id}/interview"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Post(Guid id, HoldInterview? command, IDocumentSession session, HttpContext context) =>
        session.Decide(context, id, command, (state, at, actor, cipher) => state.HoldInterview(
            command!.NotificationDutyExplained, command.ImmigrationServiceDutyExplained, cipher.Seal(command.Notes), at, actor));
}
