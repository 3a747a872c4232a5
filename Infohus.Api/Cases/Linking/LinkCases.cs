namespace Infohus.Api.Cases.Linking;

/// <summary>Link this case to a related one (siblings, the same group or milieu), with a coded reason.</summary>
public sealed record LinkCases(long Version, Guid OtherCaseId, LinkReason Reason, DateTimeOffset? OccurredAt = null) : ICaseCommand;

public static class LinkCasesEndpoint
{
    /// <summary>
    /// <see cref="CasesLinked"/> on both streams, in one transaction. The member vouches for this case's
    /// version; the other case is read as it stands, and its event is appended at the next version of
    /// what was read: a write on the other case in between fails the commit (409), and neither case gets a link.
    /// </summary>
    [WolverinePost("/api/cases/{id}/links"), Authorize(Policy = Policies.CaseWork)]
    public static async Task<IResult> Post(Guid id, LinkCases? command, IDocumentSession session, HttpContext context)
    {
        if (command is null) return Problems.Invalid("The request body is missing.");
        Case? other;
        await using (var query = session.DocumentStore.QuerySession())
            other = await query.Events.AggregateStreamAsync<Case>(command.OtherCaseId, token: context.RequestAborted);
        if (other is null) return Problems.Invalid("No case has this otherCaseId.");

        return await session.Write(context, id, command, (state, at, _) =>
        {
            var decision = state.LinkCases(other, command.Reason, at, context.User.ToMemberRef());
            if (decision.IsRefused) return decision;
            var (mine, theirs) = (decision.Events[0], decision.Events[1]);
            session.Events.Append(other.Id, other.Version + 1, theirs);
            return Decision.Accept(mine);
        });
    }
}
