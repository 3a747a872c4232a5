using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>The steps a member can take on an existing case; the names are the API's routes.</summary>
public enum CaseAction
{
    ManagerInformed,
    Interview,
    Assessment,
    Redirection,
    PetEaeReport,
    Feedback,
    CitizenGuidance,
    Handover,
    CrisisTeam,
    PreparednessPlan,
    Interventions,
    InterventionDecision,
    FollowUps,
    Evaluation,
    Closure,
    Reopening,
    Disclosures,
    CrisisCommunication,
    Registration,
    Claim,
    Assignment,
    FollowUpCompletion,
    Reassessment,
    Notes,
    Documents
}

/// <summary>
/// When a step may be taken at all, whatever its content: the order of the action plan. One function
/// serves both the decisions and the list of next actions a member is offered, so a client never has
/// to repeat the rules.
/// </summary>
public static class CaseRules
{
    public const string ErasedCaseIsFrozen = "The case's personal data has been erased; the case accepts no further steps.";

    /// <summary>§4.2.2 I a hands the case back to the authority that referred it; a citizen is no such authority (§4.2.2 II).</summary>
    public const string CitizenIsNoReferringAuthority =
        "A citizen is no referring authority: feedback a) and the hand-over to the authority that referred the concern (§4.2.2 I a) do not fit a citizen's concern. Record the guidance given to the citizen (§4.2.2 II: 114, 112, the national hotline) and close the case, or carry it into the targeted course.";

    public static IReadOnlyList<CaseAction> AllowedActions(this Case state, MemberRef actor) =>
        [.. Enum.GetValues<CaseAction>().Where(action => state.Check(action, actor) is null)];

    public static Refusal? Check(this Case state, CaseAction action, MemberRef actor)
    {
        if (actor.Role is not (Role.Member or Role.Coordinator))
            return Refusal.Forbidden("Only Infohus members and the coordinator act on cases.");

        // Without its key the case can carry no new personal text; its history stays readable in code.
        if (state.PersonalDataErased)
            return Refusal.Conflict(ErasedCaseIsFrozen);

        if (action == CaseAction.Reopening) return ReopenCaseStep.Rule(state);

        if (state.Status == CaseStatus.Closed)
            return Refusal.Conflict("The case is closed; it accepts nothing but a reopening.");

        // The registration, the journal and its documents run beside the plan: a hand-over or a redirection does not stop them.
        var besideThePlan = action is CaseAction.Registration or CaseAction.Notes or CaseAction.Documents;

        // §4.2.2 I a: after hand-over the referring authority carries the case on. The Infohus still
        // keeps its own anonymous register of the case (§4.2.2 III).
        // A handed-over case may still be re-assessed: the authority comes back with worse news and the Infohus escalates.
        if (state.HandedOverTo is not null && !besideThePlan && action is not (CaseAction.Evaluation or CaseAction.Closure or CaseAction.Reassessment))
            return Refusal.Conflict("The case is handed over to the referring authority and the Infohus is no longer involved (§4.2.2 I a); only evaluation, closure, a re-assessment, the registration and the journal remain.");

        // §4.2.2: a referral that is not about extremism is passed on, not handled by the Infohus.
        if (state.RedirectedTo is not null && !besideThePlan && action is not CaseAction.Closure)
            return Refusal.Conflict("The referral was redirected to another body; only closure, the registration and the journal remain.");

        // Each step's own rule sits beside its decision, in the step's file (Cases/<verb>/<step>.cs).
        return action switch
        {
            CaseAction.ManagerInformed => InformManagerStep.Rule(state),
            CaseAction.Interview => HoldInterviewStep.Rule(state),
            CaseAction.Assessment => AssessConcernStep.Rule(state),
            CaseAction.Redirection => RedirectReferralStep.Rule(state),
            CaseAction.PetEaeReport => ReportToPetEaeStep.Rule(state, actor),
            CaseAction.Feedback => GiveFeedbackStep.Rule(state),
            CaseAction.CitizenGuidance => GuideCitizenStep.Rule(state, actor),
            CaseAction.Handover => HandOverStep.Rule(state),
            CaseAction.CrisisTeam => ConveneCrisisTeamStep.Rule(state),
            CaseAction.PreparednessPlan => AdoptPreparednessPlanStep.Rule(state),
            CaseAction.Interventions => RecommendInterventionStep.Rule(state),
            CaseAction.InterventionDecision => DecideInterventionStep.Rule(state),
            CaseAction.FollowUps => OpenFollowUpStep.Rule(state),
            CaseAction.Evaluation => EvaluateCourseStep.Rule(state),
            CaseAction.Closure => CloseCaseStep.Rule(state),
            CaseAction.Disclosures => DiscloseInformationStep.Rule(state),
            CaseAction.CrisisCommunication => CrisisCommunicationStep.Rule(state),
            CaseAction.Registration => CorrectRegistrationStep.Rule(state),
            CaseAction.Reopening => ReopenCaseStep.Rule(state),
            CaseAction.Claim => ClaimCaseStep.Rule(state, actor),
            CaseAction.Assignment => AssignCaseStep.Rule(state, actor),
            CaseAction.FollowUpCompletion => CompleteFollowUpStep.Rule(state),
            CaseAction.Reassessment => ReassessConcernStep.Rule(state),
            CaseAction.Notes => AddJournalNoteStep.Rule(state),
            CaseAction.Documents => AttachDocumentStep.Rule(state),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null)
        };
    }

    /// <summary>§4.3: the crisis team's own work (plan, interventions, communication) waits until it is convened.</summary>
    internal static Refusal? AfterCrisisTeam(this Case state, string work) =>
        state.CrisisTeam.Count == 0 ? Refusal.Conflict($"{work}: convene it first.") : null;

    /// <summary>The steps after an assessment about extremism: PET/EAE report and feedback.</summary>
    internal static Refusal? ExtremismAssessed(Case state) => state.Assessment switch
    {
        null => Refusal.Conflict("The concern has not been assessed yet."),
        { ConcernsExtremism: false } => Refusal.RuleBroken("The concern was assessed as not about radicalisation or extremism; redirect it (§4.2.2)."),
        _ => null
    };
}
