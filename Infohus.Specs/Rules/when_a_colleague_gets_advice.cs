using Infohus.EventStore.Outreach;
using static Infohus.Specs.Rules.History;

namespace Infohus.Specs.Rules;

/// <summary>Sparring (§2.1, §3.3): the daily advice to colleagues is recorded without a person and without a case.</summary>
public class when_a_colleague_gets_advice
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void advice_is_recorded_coded_with_the_members_department()
    {
        var advice = GiveAdviceStep.GiveAdvice(CaseId, Today, AdviceTopic.WhetherToRefer, ReferrerOrganisation.School, AdviceOutcome.BecameReferral, Today, Saeh)
            .ShouldAccept<AdviceGiven>();
        advice.ShouldBe(new AdviceGiven(CaseId, Today, Department.Saeh, AdviceTopic.WhetherToRefer, ReferrerOrganisation.School, AdviceOutcome.BecameReferral, Saeh));
    }

    [Fact]
    public void advice_goes_to_a_colleague_not_a_citizen_and_is_not_dated_ahead()
    {
        GiveAdviceStep.GiveAdvice(CaseId, Today, AdviceTopic.Other, ReferrerOrganisation.PrivateCitizen, AdviceOutcome.AdviceGiven, Today, Bfu)
            .ShouldBeRefused(RefusalKind.Invalid);
        GiveAdviceStep.GiveAdvice(CaseId, Today.AddDays(1), AdviceTopic.Other, ReferrerOrganisation.School, AdviceOutcome.AdviceGiven, Today, Bfu)
            .ShouldBeRefused(RefusalKind.Invalid);
    }

    [Fact]
    public void only_members_and_the_coordinator_record_advice()
    {
        GiveAdviceStep.GiveAdvice(CaseId, Today, AdviceTopic.Other, ReferrerOrganisation.School, AdviceOutcome.AdviceGiven, Today, Steering)
            .ShouldBeRefused(RefusalKind.Forbidden);
        GiveAdviceStep.GiveAdvice(CaseId, Today, AdviceTopic.Other, ReferrerOrganisation.School, AdviceOutcome.AdviceGiven, Today, Coordinator)
            .ShouldAccept<AdviceGiven>();
    }
}
