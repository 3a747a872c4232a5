using Infohus.Api.Cases.Intake;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Infohus.Specs.Api.Reading;

/// <summary>A reference people can say aloud (2026-0042): one number after the other within a year, without gaps, and searchable.</summary>
public class when_cases_get_a_reference(InfohusApp app) : ApiSpec(app)
{
    private static readonly TimeZoneInfo Denmark = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private static int ThisYear => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Denmark).Year;

    [Fact]
    public async Task twenty_concurrent_referrals_get_twenty_distinct_consecutive_references()
    {
        // Referrals the API refuses take part in the race too: a number taken by a refused referral is given back.
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Host.Post("/api/cases",
            i % 6 == 5 ? Given.EmployeeReferral() with { Registration = Given.Registration(district: "atlantis") } : Given.EmployeeReferral(),
            new Caller($"referrer-{i}", Role.Member, Enum.GetValues<Department>()[i % 4]))));

        answers.Count(a => a.Status == HttpStatusCode.BadRequest).ShouldBe(4, string.Join("; ", answers.Select(a => a.ToString())));
        var created = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        created.Count.ShouldBe(20);
        var references = created.Select(a => a.Body!["reference"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        references.ShouldBe([.. Enumerable.Range(1, 20).Select(n => $"{ThisYear}-{n:0000}")]);

        foreach (var answer in created)
        {
            var stored = (await Host.StoredEvents(answer.Id)).First().Data.ShouldBeOfType<ReferralReceived>();
            stored.Reference.ShouldBe(answer.Body!["reference"]!.GetValue<string>());
        }
        var next = await Host.Post("/api/cases", Given.EmployeeReferral(), Caller.BfuMember);
        next.Body!["reference"]!.GetValue<string>().ShouldBe($"{ThisYear}-0021");
    }

    [Fact]
    public async Task the_reference_is_shown_on_the_case_the_list_and_the_timeline_and_the_list_searches_by_it()
    {
        var first = await Host.ReferralFromEmployee();
        var second = await Host.AssessedReferral(PreventionTier.Targeted, "high");
        var third = await Host.Referral(Given.CitizenReferral(40), Caller.BfuMember);
        var reference = $"{ThisYear}-0002";

        (await Host.Get(second.Url(), Caller.BfuMember)).Body!["state"]!["reference"]!.GetValue<string>().ShouldBe(reference);
        (await Host.Get(second.Url("timeline"), Caller.BfuMember)).Body!.AsArray()[0]!["sentence"]!.GetValue<string>()
            .ShouldStartWith($"Referral {reference} received from");

        var found = await Host.Get($"/api/cases?reference={reference}", Caller.BfuMember);
        Ids(found).ShouldBe([second.Id]);
        found.Body!["items"]![0]!["reference"]!.GetValue<string>().ShouldBe(reference);
        Ids(await Host.Get($"/api/cases?reference={ThisYear}-", Caller.BfuMember)).ShouldBe([third.Id, second.Id, first.Id]);
        Ids(await Host.Get($"/api/cases?reference={ThisYear - 1}-", Caller.BfuMember)).ShouldBeEmpty();

        Ids(await Host.Get("/api/cases?concernLevel=high&status=open", Caller.BfuMember)).ShouldBe([second.Id]);
        Ids(await Host.Get("/api/cases?department=police&assignedTo=none", Caller.BfuMember)).ShouldBe([third.Id]);
        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        var before = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"));
        Ids(await Host.Get($"/api/cases?from={before}&to={now}&assignedTo=me", Caller.BfuMember)).ShouldBe([second.Id, first.Id]);
        Ids(await Host.Get($"/api/cases?to={before}", Caller.BfuMember)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_case_received_before_references_is_given_one_once_numbered_on_from_its_years_counter()
    {
        // As stored before references: the referral's JSON has no reference (no API writes such a case any more).
        var old = Guid.CreateVersion7();
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var sample = (ReferralReceived)SampleEvents.Of(typeof(ReferralReceived));
            session.Events.StartStream<Case>(old, sample with { CaseId = old, Reference = null, ReceivedAt = DateTimeOffset.UtcNow.AddHours(-1) });
            await session.SaveChangesAsync();
        }
        var created = await Host.Post("/api/cases", Given.EmployeeReferral(), Caller.BfuMember);
        created.Body!["reference"]!.GetValue<string>().ShouldBe($"{ThisYear}-0001");

        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        (await CaseReferenceBackfill.RunAsync(store, bus, DateTimeOffset.UtcNow, CancellationToken.None)).ShouldBe(1);
        (await CaseReferenceBackfill.RunAsync(store, bus, DateTimeOffset.UtcNow, CancellationToken.None)).ShouldBe(0);

        var given = (await Host.StoredEvents(old)).Select(e => e.Data).OfType<CaseReferenceGiven>().ShouldHaveSingleItem();
        given.Reference.ShouldBe($"{ThisYear}-0002");
        Ids(await Host.Get($"/api/cases?reference={ThisYear}-0002", Caller.BfuMember)).ShouldBe([old]);
        var line = (await Host.Get($"/api/cases/{old}/timeline", Caller.BfuMember)).Body!.AsArray().Last()!;
        line["actor"]!.GetValue<string>().ShouldBe("case-references");
        (await Host.Post("/api/cases", Given.EmployeeReferral(), Caller.BfuMember)).Body!["reference"]!.GetValue<string>().ShouldBe($"{ThisYear}-0003");
    }

    private static Guid[] Ids(Answer answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return [.. answer.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];
    }
}
