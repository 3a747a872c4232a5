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
        // A database of its own: the shared host's scheduler must not be the one that rings.
        var connection = await SpecDatabases.Fresh("infohus_specs_alarm_restart");
        Guid caseId;
        DateTimeOffset due, stopped;
        var firstLogs = new CapturedLogs();
        await using (var first = await AnotherHost(connection, firstLogs))
        {
            // Due in about ten seconds (a host stops in one to three), scheduled by this host, which then stops.
            var answer = await first.Post("/api/cases",
                Given.EmployeeReferral() with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-31).AddSeconds(10) }, Caller.BfuMember);
            answer.Status.ShouldBe(HttpStatusCode.Created);
            caseId = answer.Id;
            due = await StoredDueAt(connection, caseId);
        }
        stopped = DateTimeOffset.UtcNow;

        // The first host was gone before the alarm was due, and it left the case untouched.
        stopped.ShouldBeLessThan(due, "the first host stopped before the due time");
        (await StoredTypes(connection, caseId)).ShouldBe(["referral_received"]);

        await using var second = await AnotherHost(connection);
        await Waiting.Until(async () => (await StoredTypes(connection, caseId)).Contains("reaction_deadline_missed"), "the scheduled alarm");
        (await StoredTypes(connection, caseId)).Count(t => t == "reaction_deadline_missed").ShouldBe(1, "the second host rings it once");
        (await RecordedAt(connection, caseId, "reaction_deadline_missed")).ShouldBeGreaterThanOrEqualTo(due, "it rang at the due time, not before");
        firstLogs.Lines.ShouldNotContain(l => l.Contains("ReactionDeadlineMissed") || l.Contains("reaction_deadline_missed"), "the first host never rang it");
    }

    private static Task<IAlbaHost> AnotherHost(string connection, CapturedLogs? logs = null) =>
        SpecDatabases.Host(connection, builder => builder.UseSetting("Infohus:Projections:DaemonMode", "Solo"), logs);

    private static async Task<T> Scalar<T>(string connection, string sql, Guid caseId)
    {
        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue(caseId);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<DateTimeOffset> StoredDueAt(string connection, Guid caseId) =>
        DateTimeOffset.Parse(await Scalar<string>(connection,
            "select data->>'assessmentDueAt' from infohus.mt_events where stream_id = $1 and type = 'referral_received'", caseId));

    private static async Task<string[]> StoredTypes(string connection, Guid caseId) =>
        await Scalar<string[]>(connection, "select coalesce(array_agg(type order by version), '{}') from infohus.mt_events where stream_id = $1", caseId);

    private static async Task<DateTimeOffset> RecordedAt(string connection, Guid caseId, string type)
    {
        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select timestamp from infohus.mt_events where stream_id = $1 and type = $2", db);
        command.Parameters.AddWithValue(caseId);
        command.Parameters.AddWithValue(type);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    private static async Task<int> Missed(IAlbaHost host, Guid caseId) =>
        (await host.StoredEvents(caseId)).Count(e => e.Data is ReactionDeadlineMissed);

    private async Task<DateTimeOffset> DueOf(Guid caseId) =>
        (await Host.StoredEvents(caseId)).Select(e => e.Data).OfType<ReferralReceived>().Single().AssessmentDueAt!.Value;

}
