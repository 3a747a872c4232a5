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
    Registration
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

        if (action == CaseAction.Reopening)
            return state.Status == CaseStatus.Closed ? null : Refusal.Conflict("The case is open; only a closed case can be reopened.");

        if (state.Status == CaseStatus.Closed)
            return Refusal.Conflict("The case is closed; it accepts nothing but a reopening.");

        // §4.2.2 I a: after hand-over the referring authority carries the case on. The Infohus still
        // keeps its own anonymous register of the case (§4.2.2 III).
        if (state.HandedOverTo is not null && action is not (CaseAction.Evaluation or CaseAction.Closure or CaseAction.Registration))
            return Refusal.Conflict("The case is handed over to the referring authority and the Infohus is no longer involved (§4.2.2 I a); only evaluation, closure and the registration remain.");

        // §4.2.2: a referral that is not about extremism is passed on, not handled by the Infohus.
        if (state.RedirectedTo is not null && action is not (CaseAction.Closure or CaseAction.Registration))
            return Refusal.Conflict("The referral was redirected to another body; only closure and the registration remain.");

        return action switch
        {
            CaseAction.ManagerInformed => ManagerCanBeInformed(state),
            CaseAction.Interview => InterviewCanBeHeld(state),
            CaseAction.Assessment => ConcernCanBeAssessed(state),
            CaseAction.Redirection => CanBeRedirected(state),
            CaseAction.PetEaeReport => CanBeReportedToPetEae(state, actor),
            CaseAction.Feedback => FeedbackCanBeGiven(state),
            CaseAction.CitizenGuidance => CitizenConcerns.CanBeGuided(state, actor),
            CaseAction.Handover => CanBeHandedOver(state),
            CaseAction.CrisisTeam => CrisisTeamCanBeConvened(state),
            CaseAction.PreparednessPlan => state.CrisisTeam.Count == 0
                ? Refusal.Conflict("The crisis team writes the preparedness plan (§4.3): convene it first.")
                : null,
            CaseAction.Interventions => state.CrisisTeam.Count == 0
                ? Refusal.Conflict("Interventions are recommended in a targeted course with a crisis team (§4.3): convene it first.")
                : null,
            CaseAction.InterventionDecision => state.Interventions.Any(i => i.Decision is null)
                ? null
                : Refusal.Conflict("No recommended intervention awaits an authority's decision."),
            CaseAction.FollowUps => state.Feedback == FeedbackKind.Targeted
                ? null
                : Refusal.Conflict("Follow-up on the family and network belongs to a targeted intervention (§4.3): give feedback b) first."),
            CaseAction.Evaluation => state.Feedback is null && state.GuidedTo is null
                ? Refusal.Conflict("A course is evaluated after feedback has been given, or after the citizen was guided.")
                : null,
            CaseAction.Closure => CanBeClosed(state),
            // §115 sharing belongs to an open case the Infohus is still involved in; the rules of its content are in DisclosureRules.
            CaseAction.Disclosures => null,
            // §5.3: the crisis team handles internal and external communication.
            CaseAction.CrisisCommunication => state.CrisisTeam.Count == 0
                ? Refusal.Conflict("Crisis communication is handled by the crisis team (§4.3, §5.3): convene it first.")
                : null,
            // §4.2.2 III: the registration is completed and corrected as the Infohus learns more, on any open case.
            CaseAction.Registration => null,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null)
        };
    }

    private static Refusal? ManagerCanBeInformed(Case state)
    {
        if (!state.ComesFromEmployeeOrPartner)
            return Refusal.RuleBroken("Only a referral from an employee or external partner has a nearest manager to inform (§4.2.2 I).");
        return state.ManagerInformed ? Refusal.Conflict("The nearest manager has already been informed.") : null;
    }

    private static Refusal? InterviewCanBeHeld(Case state)
    {
        if (!state.ComesFromEmployeeOrPartner)
            return Refusal.RuleBroken("The concern interview is held with a referring employee or external partner (§4.2.2 I).");
        // §4.2.2 I: the manager is told before the interview.
        if (!state.ManagerInformed)
            return Refusal.Conflict("The nearest manager must be informed before the concern interview (§4.2.2 I).");
        return state.InterviewHeld ? Refusal.Conflict("The concern interview has already been held.") : null;
    }

    private static Refusal? ConcernCanBeAssessed(Case state)
    {
        // §4.2.2 I: the Infohus assesses after the interview.
        if (state.ComesFromEmployeeOrPartner && !state.InterviewHeld)
            return Refusal.Conflict("A referral from an employee or partner is assessed after the concern interview (§4.2.2 I).");
        return state.Feedback is not null
            ? Refusal.Conflict("Feedback has been given on the assessment; reopen the case to assess it again.")
            : null;
    }

    private static Refusal? CanBeRedirected(Case state) => state.Assessment switch
    {
        null => Refusal.Conflict("Assess the concern before redirecting it."),
        { ConcernsExtremism: true } => Refusal.RuleBroken("The concern was assessed as radicalisation or extremism; only other concerns are redirected (§4.2.2)."),
        _ => null
    };

    private static Refusal? CanBeReportedToPetEae(Case state, MemberRef actor)
    {
        // §4.2.2 I and §4.3 I: the local police reports to PET and EAE.
        if (actor.Department != Department.Police)
            return Refusal.Forbidden("Only the local police representative reports to PET/EAE (§4.3 I).");
        if (ExtremismAssessed(state) is { } refusal) return refusal;
        return state.ReportedToPetEae ? Refusal.Conflict("The case has already been reported to PET/EAE.") : null;
    }

    private static Refusal? FeedbackCanBeGiven(Case state)
    {
        if (ExtremismAssessed(state) is { } refusal) return refusal;
        if (state.Feedback is not null) return Refusal.Conflict("Feedback has already been given.");
        // A citizen's concern assessed as general or specific would take feedback a); the citizen is guided instead.
        return state.ComesFromCitizen && state.Assessment!.Tier != PreventionTier.Targeted
            ? Refusal.RuleBroken(CitizenIsNoReferringAuthority)
            : null;
    }

    private static Refusal? CanBeHandedOver(Case state)
    {
        if (state.ComesFromCitizen) return Refusal.RuleBroken(CitizenIsNoReferringAuthority);
        return state.Feedback == FeedbackKind.Guidance
            ? null
            : Refusal.Conflict("A case is handed over after feedback a) with guidance on specific measures (§4.2.2 I a).");
    }

    private static Refusal? CrisisTeamCanBeConvened(Case state)
    {
        if (state.Feedback != FeedbackKind.Targeted)
            return Refusal.Conflict("A crisis team follows feedback b) on a targeted intervention (§4.2.2 I b).");
        return state.CrisisTeam.Count > 0 ? Refusal.Conflict("The crisis team has already been convened.") : null;
    }

    private static Refusal? CanBeClosed(Case state)
    {
        if (state.RedirectedTo is not null) return null;
        // §4.2.2 II: a citizen's concern closes with the guidance given, unless an assessment has put it
        // on the targeted course (then feedback b) and the evaluation come first) or found it is not about
        // extremism (then it is redirected).
        if (state.GuidedTo is not null && state.Assessment is null or { ConcernsExtremism: true, Tier: not PreventionTier.Targeted })
            return null;
        if (state.Assessment is null)
            return Refusal.Conflict(state.ComesFromCitizen
                ? "A citizen's case is closed after the citizen has been guided (§4.2.2 II), or after the concern has been assessed."
                : "A case is closed after the concern has been assessed.");
        if (!state.Assessment.ConcernsExtremism)
            return Refusal.Conflict("Redirect a concern that is not about extremism before closing the case.");
        if (state.Feedback is null)
            return Refusal.Conflict(state.ComesFromCitizen && state.Assessment.Tier != PreventionTier.Targeted
                ? "Record the guidance given to the citizen (§4.2.2 II) before closing the case."
                : "Give feedback before closing the case.");
        // §4.2.2 III: the evaluation of the course is registered for every case.
        return state.Evaluation is null ? Refusal.Conflict("Evaluate the course before closing the case (§4.2.2 III).") : null;
    }

    private static Refusal? ExtremismAssessed(Case state) => state.Assessment switch
    {
        null => Refusal.Conflict("The concern has not been assessed yet."),
        { ConcernsExtremism: false } => Refusal.RuleBroken("The concern was assessed as not about radicalisation or extremism; redirect it (§4.2.2)."),
        _ => null
    };
}
