using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

public class when_a_case_is_closed
{
    private static readonly CourseEvaluated Evaluated = new(CaseId, EvaluationOutcome.ConcernResolved, null, Now, Bfu);
    private static readonly CaseClosed Closed = new(CaseId, Now, Bfu);

    [Fact]
    public void a_case_is_closed_only_after_its_course_is_evaluated()
    {
        Given(Referral()).Close(Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Specific().Close(Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
        Specific(Evaluated).Close(Now, Bfu).ShouldAccept<CaseClosed>();
    }

    [Fact]
    public void a_closed_case_accepts_nothing_but_a_reopening()
    {
        var closed = Specific(Evaluated, Closed);

        closed.AllowedActions(Bfu).ShouldBe([CaseAction.Reopening]);
        foreach (var action in Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Reopening))
            closed.Check(action, Bfu).ShouldNotBeNull().Kind.ShouldBe(RefusalKind.Conflict);
        closed.Evaluate(EvaluationOutcome.Unchanged, null, Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
    }

    [Fact]
    public void a_reopening_needs_a_reason_and_starts_a_new_round_of_assessment()
    {
        var closed = Specific(Evaluated, Closed);

        closed.Reopen(null, Now, Bfu).ShouldBeRefused(RefusalKind.Invalid);
        var reopened = closed.Reopen(Text("New information"), Now, Bfu).ShouldAccept<CaseReopened>();
        var state = Specific(Evaluated, Closed, reopened);

        state.Status.ShouldBe(CaseStatus.Open);
        state.AllowedActions(Bfu).ShouldBe([CaseAction.Assessment, CaseAction.Disclosures, CaseAction.Registration, CaseAction.Assignment, CaseAction.Notes, CaseAction.Documents]);
        state.Reopen(Text("Again"), Now, Bfu).ShouldBeRefused(RefusalKind.Conflict);
    }
}
