using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Infohus.Api.Cases.Assigning;
using Infohus.Api.Cases.Intake;
using Infohus.Api.Notices;
using Microsoft.AspNetCore.Hosting;
using Wolverine.Tracking;

namespace Infohus.Specs.Api.Notices;

/// <summary>
/// Word to the right person in time: the API mails a real SMTP server (SpecMailServer) when a case is
/// routed to a department or assigned to a member, a day before its reaction deadline and when it is
/// missed. A notice carries the case's reference and a link, never personal data.
/// </summary>
[Collection(ApiCollection.Name)]
public class when_notices_are_mailed(NoticesHost notices) : IClassFixture<NoticesHost>, IAsyncLifetime
{
    private IAlbaHost Host => notices.Host;

    public Task InitializeAsync() => Host.ResetAllMartenDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static SpecMailServer Mail => SpecMailServer.Instance;

    [Fact]
    public async Task a_citizens_concern_routed_to_the_police_queue_mails_the_police_with_reference_and_link_and_no_personal_data()
    {
        var referral = Given.CitizenReferral(age: 20) with
        {
            Description = "Bekymret for Jens Jensens udtalelser om vold.",
            Subject = new Person("Jens Vestergaard Jensen", "010190-1234", "Vestergade 7, Hirtshals", "jens@example.dk"),
            Referrer = new Referrer("Karen Mortensen", "karen@example.dk")
        };
        var (caseId, reference) = await Received(referral, Caller.BfuMember);

        var mail = await OneMailAbout(caseId);

        mail.To.ShouldBe("politi@infohus.test");
        mail.Message.Subject.ShouldBe($"Sag {reference} venter i jeres kø");
        mail.Text.ShouldContain($"{SpecMailServer.BaseUrl}/sager/{caseId}");
        mail.Text.ShouldContain(reference);
        foreach (var personal in new[] { "Jens", "Vestergaard", "010190", "1234", "Vestergade", "example.dk", "Karen", "Mortensen", "vold", "udtalelser" })
            mail.Raw.ShouldNotContain(personal, Shouldly.Case.Insensitive, "a notice never carries personal data");
    }

    [Fact]
    public async Task a_case_assigned_to_a_member_mails_the_member()
    {
        using var sent = new NoticesSentCounter(Host);
        var (caseId, reference) = await Received(Given.EmployeeReferral(), Caller.BfuMember);

        var assigned = await Host.Post($"/api/cases/{caseId}/assignment",
            new AssignCase(1, new Assignee("au-member", "Anna Andersen", Department.Au)), Caller.SspConsultant);
        assigned.Status.ShouldBe(HttpStatusCode.OK, assigned.ToString());

        var mail = await OneMailAbout(caseId);
        mail.To.ShouldBe("au-member@infohus.test");
        mail.Message.Subject.ShouldBe($"Sag {reference} er tildelt dig");
        mail.Raw.ShouldNotContain("Anna", Shouldly.Case.Insensitive);
        mail.Raw.ShouldNotContain("Andersen", Shouldly.Case.Insensitive);
        // Operations see it go out: infohus.notices.sent counts the mail once it is handed to the server.
        await Waiting.Until(() => Task.FromResult(sent.Count >= 1), "infohus.notices.sent counts the notice", seconds: 10);
    }

    /// <summary>This host's <c>infohus.notices.sent</c> (its own meter factory: other hosts in the run count apart).</summary>
    private sealed class NoticesSentCounter : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private long _count;

        public NoticesSentCounter(IAlbaHost host)
        {
            var factory = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "infohus.notices.sent" && instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task a_member_without_an_address_of_their_own_is_told_through_the_department()
    {
        var (caseId, reference) = await Received(Given.EmployeeReferral(), Caller.BfuMember);

        var assigned = await Host.Post($"/api/cases/{caseId}/assignment",
            new AssignCase(1, new Assignee("saeh-member", "Sofie Holm", Department.Saeh)), Caller.SspConsultant);
        assigned.Status.ShouldBe(HttpStatusCode.OK, assigned.ToString());

        var mail = await OneMailAbout(caseId);
        mail.To.ShouldBe("saeh@infohus.test");
        mail.Message.Subject.ShouldBe($"Sag {reference} er tildelt dig");
    }

    [Fact]
    public async Task an_acute_intake_mails_the_department_that_an_ad_hoc_meeting_is_needed()
    {
        var (caseId, reference) = await Received(Given.EmployeeReferral() with { FirstConcern = new FirstConcern("acute") }, Caller.BfuMember);

        var mail = await OneMailAbout(caseId);

        mail.To.ShouldBe("bfu@infohus.test");
        mail.Message.Subject.ShouldBe($"Akut: sag {reference} kræver et ad hoc-møde");
        mail.Text.ShouldContain("ad hoc-møde");
        mail.Text.ShouldContain($"{SpecMailServer.BaseUrl}/sager/{caseId}");
    }

    [Fact]
    public async Task a_deadline_a_day_away_reminds_the_member_who_has_the_case()
    {
        // Received so that its 31-day assessment deadline falls due a day and three seconds from now:
        // the reminder, scheduled durably a day ahead, rings in three seconds.
        var (caseId, reference) = await Received(Given.EmployeeReferral() with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-30).AddSeconds(3) }, Caller.BfuMember);

        var mail = await OneMailAbout(caseId, "the reminder a day before the deadline");

        mail.To.ShouldBe("bfu-member@infohus.test");
        mail.Message.Subject.ShouldBe($"Reaktionsfristen for sag {reference} udløber i morgen");
    }

    [Fact]
    public async Task a_reminder_for_a_deadline_the_case_has_met_sends_nothing()
    {
        var @case = await Host.InterviewedReferral();
        var due = (await Host.StoredEvents(@case.Id)).Select(e => e.Data).OfType<ReferralReceived>().Single().AssessmentDueAt!.Value;
        await Host.Step(@case, "assessment", new AssessConcern(@case.Version, true, [Department.Bfu], "moderate", PreventionTier.Specific));

        var tracked = await Host.InvokeMessageAndWaitAsync(new RemindOfReactionDeadline(@case.Id, due));

        tracked.Sent.MessagesOf<NoticeToSend>().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_missed_deadline_mails_the_member_who_has_the_case()
    {
        var (caseId, reference) = await Received(Given.EmployeeReferral() with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-32) }, Caller.BfuMember);

        var mail = await OneMailAbout(caseId, "the missed deadline's notice");

        mail.To.ShouldBe("bfu-member@infohus.test");
        mail.Message.Subject.ShouldBe($"Reaktionsfristen for sag {reference} er overskredet");
    }

    [Fact]
    public async Task a_mail_server_that_is_down_delays_the_notice_and_it_is_delivered_once_when_it_is_back()
    {
        var (caseId, reference) = await Received(Given.EmployeeReferral(), Caller.BfuMember);
        var refusedBefore = Mail.Refused;
        Mail.Refusing = true;
        try
        {
            var assigned = await Host.Post($"/api/cases/{caseId}/assignment",
                new AssignCase(1, new Assignee("au-member", "Anna Andersen", Department.Au)), Caller.SspConsultant);
            assigned.Status.ShouldBe(HttpStatusCode.OK, assigned.ToString());
            await Waiting.Until(() => Task.FromResult(Mail.Refused >= refusedBefore + 2), "the mail server to refuse the notice twice");
        }
        finally
        {
            Mail.Refusing = false;
        }

        var mail = await OneMailAbout(caseId, "the notice once the mail server is back");
        mail.Message.Subject.ShouldBe($"Sag {reference} er tildelt dig");
        await Waiting.Until(async () => await PendingNotices() == 0, "the notice to be done with in the inbox");
        Mail.About(caseId).Count.ShouldBe(1, "delivered exactly once");
    }

    [Fact]
    public async Task a_write_that_is_refused_or_loses_its_race_at_commit_sends_nothing()
    {
        // Sixteen assignments of one case on the same version at the same moment, each to a member of
        // another department than the one before: one commits; the others are 409s, some at the version
        // check, some lost at commit, where their queued notice rolls back with the events. Rounds until
        // a race was lost at commit (Marten leaves a tombstone for it).
        for (var round = 0; ; round++)
        {
            var tombstonesBefore = await Scalar<long>(notices.ConnectionString, "select count(*) from infohus.mt_events where type = 'tombstone'");
            var (caseId, _) = await Received(Given.EmployeeReferral(), Caller.BfuMember);
            var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                Host.Post($"/api/cases/{caseId}/assignment",
                    new AssignCase(1, new Assignee($"racer-{i}", $"Racer {i}", Enum.GetValues<Department>()[i % 4])), Caller.SspConsultant)));
            answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1);
            answers.Count(a => a.Status == HttpStatusCode.Conflict).ShouldBe(15);

            var winner = (await Host.StoredEvents(caseId)).Select(e => e.Data).OfType<CaseAssigned>().Single().Assignee.Department;
            var mail = await OneMailAbout(caseId);
            await Waiting.Until(async () => await PendingNotices() == 0, "every queued notice to be done with");
            mail.To.ShouldBe(winner == Department.Police ? "politi@infohus.test" : $"{winner.ToString().ToLowerInvariant()}@infohus.test");
            Mail.About(caseId).Count.ShouldBe(1, "the losing writes sent nothing");

            await Waiting.Until(async () => await Scalar<bool>(notices.ConnectionString, """
                select max(seq_id) = (select last_value from infohus.mt_events_sequence) from infohus.mt_events
                """), "Marten to fill every sequence number a lost commit had taken");
            if (await Scalar<long>(notices.ConnectionString, "select count(*) from infohus.mt_events where type = 'tombstone'") > tombstonesBefore) return;
            round.ShouldBeLessThan(10, "some assignment lost its race at commit, not only at the version check");
        }
    }

    [Fact]
    public async Task a_notice_queued_while_the_mail_server_is_stopped_survives_a_restart_and_is_delivered_once()
    {
        // A database of its own: the first host's inbox must not be drained by the shared host.
        var connection = await SpecDatabases.Fresh("infohus_specs_notice_restart");
        var stoppedServer = SpecMailServer.FreePort();
        Guid caseId;
        await using (var first = await NoticeHost(connection, stoppedServer))
        {
            var received = await first.Post("/api/cases", Given.EmployeeReferral(), Caller.BfuMember);
            received.Status.ShouldBe(HttpStatusCode.Created, received.ToString());
            caseId = received.Id;
            var assigned = await first.Post($"/api/cases/{caseId}/assignment",
                new AssignCase(1, new Assignee("au-member", "Anna Andersen", Department.Au)), Caller.SspConsultant);
            assigned.Status.ShouldBe(HttpStatusCode.OK, assigned.ToString());
            // Stored in the inbox with the assignment, in its transaction.
            (await PendingNotices(connection)).ShouldBe(1);
        }
        Mail.About(caseId).ShouldBeEmpty("nothing reached a mail server while it was stopped");

        await using var second = await NoticeHost(connection, Mail.Port);
        var mail = await OneMailAbout(caseId, "the next host to deliver the queued notice");
        mail.To.ShouldBe("au-member@infohus.test");
        await Waiting.Until(async () => await PendingNotices(connection) == 0, "the notice to be done with in the inbox");
        Mail.About(caseId).Count.ShouldBe(1, "delivered exactly once");
    }

    internal static Task<IAlbaHost> NoticeHost(string connection, int smtpPort) =>
        SpecDatabases.Host(connection, builder =>
        {
            builder.UseSetting("Infohus:Projections:DaemonMode", "Solo");
            foreach (var (key, value) in SpecMailServer.SettingsFor(smtpPort)) builder.UseSetting(key, value);
        });

    private static Task<long> PendingNotices(string connection) => Scalar<long>(connection, PendingNoticesSql);

    private static async Task<T> Scalar<T>(string connection, string sql)
    {
        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, db);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(Guid Id, string Reference)> Received(ReceiveReferral referral, Caller by)
    {
        var answer = await Host.Post("/api/cases", referral, by);
        answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
        return (answer.Id, answer.Body!["reference"]!.GetValue<string>());
    }

    private static async Task<DeliveredMail> OneMailAbout(Guid caseId, string what = "the notice")
    {
        await Waiting.Until(() => Task.FromResult(Mail.About(caseId).Count > 0), what);
        return Mail.About(caseId).ShouldHaveSingleItem();
    }

    /// <summary>Notices still in Wolverine's durable inbox, not yet handled (queued, retrying or scheduled).</summary>
    private Task<long> PendingNotices() => PendingNotices(notices.ConnectionString);

    private const string PendingNoticesSql =
        "select count(*) from infohus.wolverine_incoming_envelopes where message_type like '%NoticeToSend%' and status <> 'Handled'";
}

/// <summary>
/// The notice specs' own database and host, configured to mail SpecMailServer; the shared host sends no
/// notices, so no other spec pays for them. In the shared host's collection: it runs beside no other API spec.
/// </summary>
public sealed class NoticesHost : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await SpecDatabases.Fresh("infohus_specs_notices");
        Host = await when_notices_are_mailed.NoticeHost(ConnectionString, SpecMailServer.Instance.Port);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
