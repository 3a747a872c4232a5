using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;

namespace Infohus.EventStore.Cases;

/// <summary>Evaluering af forløbet, registered for every case (§4.2.2 III).</summary>
public static class EvaluateCourseStep
{
    public static Refusal? Rule(Case state) =>
        state.Feedback is null && state.GuidedTo is null
            ? Refusal.Conflict("A course is evaluated after feedback has been given, or after the citizen was guided.")
            : null;

    public static Decision Evaluate(this Case state, EvaluationOutcome outcome, PersonalText? notes, DateTimeOffset at, MemberRef actor) =>
        state.Check(CaseAction.Evaluation, actor) ?? Decision.Accept(new CourseEvaluated(state.Id, outcome, notes, at, actor));
}
