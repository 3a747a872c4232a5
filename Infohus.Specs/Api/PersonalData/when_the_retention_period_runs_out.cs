using Infohus.Api.Cases.Erasing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Wolverine.Tracking;

namespace Infohus.Specs.Api.PersonalData;

public class when_the_retention_period_runs_out(InfohusApp app) : ApiSpec(app)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task the_scheduled_rule_erases_exactly_the_cases_closed_longer_than_five_years_ago()
    {
        var closedSixYearsAgo = await ClosedAt(Now.AddYears(-6));
        var closedFourYearsAgo = await ClosedAt(Now.AddYears(-4));
        var reopened = await ClosedAt(Now.AddYears(-6));
        reopened = await Host.Step(reopened, "reopening", new ReopenCase(reopened.Version, "New concern"));
        var open = await Host.HandedOver();

        await Host.InvokeMessageAndWaitAsync(new ErasePersonalDataPastRetention());

        (await IsErased(closedSixYearsAgo)).ShouldBeTrue();
        (await IsErased(closedFourYearsAgo)).ShouldBeFalse();
        (await IsErased(reopened)).ShouldBeFalse();
        (await IsErased(open)).ShouldBeFalse();
        (await Host.StoredEvents(closedSixYearsAgo.Id)).Last().Data.ShouldBeOfType<PersonalDataErased>().ErasedBy.ShouldBe(RetentionRule.ErasedBy);
    }

    [Fact]
    public async Task with_the_clock_moved_on_the_rule_erases_on_the_day_the_period_ends_and_not_before()
    {
        var @case = await Host.ClosedCase();
        var settings = Options.Create(new PersonalDataSettings());
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>();

        var dayBefore = new FakeTimeProvider(Now + settings.Value.Retention - TimeSpan.FromDays(1));
        await RetentionRule.Handle(new(), store, bus, dayBefore, settings, NullLogger<ErasePersonalDataPastRetention>.Instance);
        (await IsErased(@case)).ShouldBeFalse();

        var dayAfter = new FakeTimeProvider(Now + settings.Value.Retention + TimeSpan.FromDays(1));
        await RetentionRule.Handle(new(), store, bus, dayAfter, settings, NullLogger<ErasePersonalDataPastRetention>.Instance);
        (await IsErased(@case)).ShouldBeTrue();

        // Running again changes nothing: the rule is safe to repeat on every node.
        await RetentionRule.Handle(new(), store, bus, dayAfter, settings, NullLogger<ErasePersonalDataPastRetention>.Instance);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version + 1);
    }

    [Fact]
    public void the_default_period_is_five_years()
    {
        new PersonalDataSettings().Retention.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(5 * 365));
        new PersonalDataSettings().Retention.ShouldBeLessThan(TimeSpan.FromDays(5 * 366));
    }

    private async Task<CaseRef> ClosedAt(DateTimeOffset closedAt)
    {
        var @case = await Host.HandedOver();
        @case = await Host.Step(@case, "evaluation", new EvaluateCourse(@case.Version, EvaluationOutcome.ConcernResolved));
        return await Host.Step(@case, "closure", new CloseCase(@case.Version, closedAt));
    }

    private async Task<bool> IsErased(CaseRef @case) =>
        (await Host.Get(@case.Url(), Caller.Auditor)).Body!["personal"]!["erased"]!.GetValue<bool>();
}
