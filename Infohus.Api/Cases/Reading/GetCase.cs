using Infohus.Api.Legal;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.Api.Cases.Reading;

/// <summary>The case as it stands, its version for the next write, and what the caller may do next.</summary>
public sealed record CaseView(Guid Id, long Version, CaseFacts State, PersonalView Personal, IReadOnlyList<CaseAction> AllowedActions,
    IReadOnlyList<Intake.SamePersonCase>? SamePersonCases = null);

/// <summary>The coded facts of the case.</summary>
public sealed record CaseFacts(
    ReferralSource Source,
    ReferralChannel Channel,
    ReferrerOrganisation ReferrerOrganisation,
    Registration Registration,
    Department ResponsibleDepartment,
    string ReceivedBy,
    string? AssignedTo,
    CitizenRoute? Route,
    DateTimeOffset ReceivedAt,
    CaseStatus Status,
    bool ManagerInformed,
    bool InterviewHeld,
    Assessment? Assessment,
    string? RedirectedTo,
    bool ReportedToPetEae,
    FeedbackKind? Feedback,
    string? HandedOverTo,
    IReadOnlyList<Department> CrisisTeam,
    int PreparednessPlans,
    IReadOnlyList<Intervention> Interventions,
    int FollowUps,
    EvaluationOutcome? Evaluation,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<CitizenGuidance>? GuidedTo,
    Assignee? Assignee,
    IReadOnlyList<FollowUp> FollowUpList,
    string? Reference,
    IReadOnlyList<CaseLink>? Links = null)
{
    public static CaseFacts Of(Case state) => new(state.Source, state.Channel, state.ReferrerOrganisation, state.Registration,
        state.ResponsibleDepartment, state.ReceivedBy, state.AssignedTo, state.Route, state.ReceivedAt, state.Status,
        state.ManagerInformed, state.InterviewHeld, state.Assessment, state.RedirectedTo, state.ReportedToPetEae,
        state.Feedback, state.HandedOverTo, state.CrisisTeam, state.PreparednessPlans, state.Interventions,
        state.FollowUps, state.Evaluation, state.ClosedAt, state.GuidedTo, state.Assignee, state.FollowUpList ?? [], state.Reference, state.Links ?? []);
}

/// <summary>
/// The personal fields, opened with the case's key for a reader the policy allows. After erasure
/// every field that held something reads "[erased]".
/// </summary>
public sealed record PersonalView(
    bool Erased,
    string? Description,
    string? SubjectName,
    string? SubjectCprNumber,
    string? SubjectAddress,
    string? SubjectContact,
    string? ReferrerName,
    string? ReferrerContact,
    string? PreparednessPlan)
{
    public const string ErasedText = "[erased]";

    public static PersonalView Of(Case state, CaseCipher? cipher)
    {
        string? Open(PersonalText? text) => text is null ? null : cipher is null ? ErasedText : cipher.Open(text);
        return new PersonalView(cipher is null, Open(state.Description),
            Open(state.Subject.Name), Open(state.Subject.CprNumber), Open(state.Subject.Address), Open(state.Subject.Contact),
            Open(state.Referrer.Name), Open(state.Referrer.Contact), Open(state.PreparednessPlan));
    }
}

public static class GetCaseEndpoint
{
    /// <summary>The case now, or for auditors' replay as of a stream version or a recorded time.</summary>
    [WolverineGet("/api/cases/{id}"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IResult> Get(
        Guid id, IQuerySession session, HttpContext context, PersonalDataProtection protection,
        long? asOfVersion = null, DateTimeOffset? asOf = null)
    {
        var (purpose, noPurpose) = AccessLog.PurposeOf(context);
        if (noPurpose is not null) return noPurpose;
        if (asOfVersion is < 1) return Problems.Invalid("asOfVersion starts at 1.");
        if (asOfVersion is not null && asOf is not null) return Problems.Invalid("Give asOfVersion or asOf, not both.");

        var batch = session.CreateBatchQuery();
        var loadingState = batch.Events.FetchLatest<Case>(id);
        var loadingKey = batch.Load<CaseKey>(id);
        await batch.Execute(context.RequestAborted);
        var state = await loadingState;
        if (state is null) return Problems.UnknownCase();

        if (asOfVersion is not null || asOf is not null)
        {
            if (asOfVersion > state.Version) return Problems.Invalid($"The case has {state.Version} versions.");
            state = await session.Events.AggregateStreamAsync<Case>(id, version: asOfVersion ?? 0, timestamp: asOf?.ToUniversalTime(), token: context.RequestAborted);
            if (state is null) return Problems.Invalid("The case had not been received at that time.");
        }

        await AccessLog.RecordAsync(session.DocumentStore, context, id, "GET /api/cases/{id}", purpose!);

        // Auditors and others without a department read, but are offered no actions.
        var allowed = context.User.HasKnownDepartment() ? state.AllowedActions(context.User.ToMemberRef()) : [];
        // The other cases about the same person (blind index): ids, references and status, no personal data.
        var samePerson = await Intake.SamePersonCase.Load(session, await PersonIndexRows.SamePersonAs(session, id, context.RequestAborted), context.RequestAborted);
        return Results.Ok(new CaseView(id, state.Version, CaseFacts.Of(state), PersonalView.Of(state, protection.Open(await loadingKey)), allowed, samePerson));
    }
}
