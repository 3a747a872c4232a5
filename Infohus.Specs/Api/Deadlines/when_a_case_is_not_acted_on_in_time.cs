using Alba;
using Infohus.Api.Cases.Deadlines;
using Microsoft.AspNetCore.Hosting;
using Wolverine.Tracking;

namespace Infohus.Specs.Api.Deadlines;

public class when_a_case_is_not_acted_on_in_time(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task a_referral_past_its_due_time_gets_one_missed_event_and_is_on_the_overdue_list()
    {
        // The business time puts the referral 32 days back: its 31-day assessment deadline has passed.
        var @case = await Host.Referral(Given.EmployeeReferral() with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-32) });

        await Waiting.Until(async () => (await Missed(Host, @case.Id)) > 0, "the scheduled alarm");

        (await Missed(Host, @case.Id)).ShouldBe(1);
        var overdue = await Host.Get("/api/cases/overdue", Caller.SspConsultant);
        overdue.Body!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ShouldBe([@case.Id]);
        var timeline = (await Host.Get(@case.Url("timeline"), Caller.BfuMember)).Body!.AsArray();
        timeline.Last()!["sentence"]!.GetValue<string>().ShouldStartWith("Reaction deadline missed: the assessment was due");
    }

    [Fact]
    public async Task a_case_acted_on_in_time_gets_no_missed_event_when_its_alarm_rings()
    {
        var @case = await Host.InterviewedReferral();
        var due = await DueOf(@case.Id);
        @case = await Host.Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu], "moderate", PreventionTier.Specific));

        await Host.InvokeMessageAndWaitAsync(new CheckReactionDeadline(@case.Id, due));

        (await Missed(Host, @case.Id)).ShouldBe(0);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
        (await Host.Get("/api/cases/overdue", Caller.BfuMember)).Body!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task the_alarm_survives_a_restart_of_the_host_that_scheduled_it()
    {
        Guid caseId;
        await using (var first = await AnotherHost())
        {
            // Due in about three seconds, scheduled by this host, which then stops.
            var answer = await first.Post("/api/cases",
                Given.EmployeeReferral() with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-31).AddSeconds(3) }, Caller.BfuMember);
            answer.Status.ShouldBe(HttpStatusCode.Created);
            caseId = answer.Id;
        }

        await using var second = await AnotherHost();
        await Waiting.Until(async () => (await Missed(second, caseId)) > 0, "the scheduled alarm");
        (await Missed(second, caseId)).ShouldBe(1);
    }

    private Task<IAlbaHost> AnotherHost() =>
        SpecDatabases.Host(App.ConnectionString, builder => builder.UseSetting("Infohus:Projections:DaemonMode", "Solo"));

    private static async Task<int> Missed(IAlbaHost host, Guid caseId) =>
        (await host.StoredEvents(caseId)).Count(e => e.Data is ReactionDeadlineMissed);

    private async Task<DateTimeOffset> DueOf(Guid caseId) =>
        (await Host.StoredEvents(caseId)).Select(e => e.Data).OfType<ReferralReceived>().Single().AssessmentDueAt!.Value;

}
