using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infohus.Api.Cases.Erasing;
using Infohus.Api.Cases.Intake;
using Infohus.EventStore.Hosting;
using Npgsql;

namespace Infohus.Specs.Api.PersonalData;

/// <summary>Issue 15 point 2: the blind index finds a person's earlier cases without holding a readable name or CPR number.</summary>
public class when_a_person_is_referred_again(InfohusApp app) : ApiSpec(app)
{
    private const string Cpr = "030610-1234";
    private const string Name = "Søren  Kierkegaard-Ørsted";

    private static ReceiveReferral About(string? name, string? cpr) =>
        Given.EmployeeReferral() with { Subject = new Person(name, cpr, "Havnevej 3, Hirtshals", "22 33 44 55") };

    private static IEnumerable<Guid> Ids(JsonNode? list) => list!.AsArray().Select(c => c!["id"]!.GetValue<Guid>());

    [Fact]
    public async Task a_repeat_referral_shows_the_earlier_case_at_intake_and_on_both_cases()
    {
        var first = await Host.Referral(About(Name, Cpr));
        await Host.Referral(About("Anden Person", "010203-4321"));

        // Written another way: no dash, other spacing, a decomposed "ø" (NFD).
        var again = await Host.Post("/api/cases", About("  søren kierkegaard-\u006F\u0338rsted ", "0306101234"), Caller.SaehMember);

        again.Status.ShouldBe(HttpStatusCode.Created, again.ToString());
        var earlier = again.Body!["earlierCases"]!.AsArray();
        Ids(earlier).ShouldBe([first.Id]);
        earlier[0]!["reference"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        earlier[0]!.AsObject().Select(p => p.Key).ShouldBe(["id", "reference", "status"], ignoreOrder: true);

        Ids((await Host.Get($"/api/cases/{again.Id}", Caller.BfuMember)).Body!["samePersonCases"]).ShouldBe([first.Id]);
        Ids((await Host.Get(first.Url(), Caller.BfuMember)).Body!["samePersonCases"]).ShouldBe([again.Id]);
    }

    [Fact]
    public async Task a_case_without_cpr_number_is_not_indexed_and_a_first_referral_has_no_earlier_cases()
    {
        var answer = await Host.Post("/api/cases", About(Name, null), Caller.BfuMember);
        answer.Status.ShouldBe(HttpStatusCode.Created);
        answer.Body!["earlierCases"]!.AsArray().ShouldBeEmpty();
        (await Host.Post("/api/cases", About(Name, null), Caller.BfuMember)).Body!["earlierCases"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_lookup_by_cpr_number_or_by_name_and_birth_date_finds_the_cases_and_logs_each_read()
    {
        var first = await Host.Referral(About(Name, Cpr));
        var second = await Host.Referral(About(Name, Cpr));
        var other = await Host.Referral(About("Anden Person", "010203-4321"));

        var byCpr = await Look(new { cprNumber = "0306101234" }, Caller.PoliceMember, "preparing the monthly meeting");
        byCpr.Status.ShouldBe(HttpStatusCode.OK, byCpr.ToString());
        Ids(byCpr.Body).ShouldBe([first.Id, second.Id]);

        var byName = await Look(new { name = "SØREN KIERKEGAARD-ØRSTED", birthDate = "2010-06-03" }, Caller.Auditor, "annual audit");
        Ids(byName.Body).ShouldBe([first.Id, second.Id]);
        Ids((await Look(new { name = Name, birthDate = "2010-06-04" }, Caller.Auditor, "annual audit")).Body).ShouldBeEmpty();

        var log = await Host.Get($"/api/access-log?caseId={first.Id}", Caller.Legal);
        log.Body!["items"]!.AsArray().Select(e => (e!["userId"]!.GetValue<string>(), e["endpoint"]!.GetValue<string>(), e["purpose"]!.GetValue<string>()))
            .ShouldBe([("police-member", "POST /api/people/cases", "preparing the monthly meeting"), ("auditor", "POST /api/people/cases", "annual audit")]);
        (await Host.Get($"/api/access-log?caseId={other.Id}", Caller.Legal)).Body!["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task a_lookup_needs_a_purpose_a_case_reading_role_and_a_valid_cpr_number()
    {
        await Host.Referral(About(Name, Cpr));

        var withoutPurpose = await Look(new { cprNumber = Cpr }, Caller.BfuMember, purpose: null);
        withoutPurpose.Status.ShouldBe(HttpStatusCode.BadRequest);
        withoutPurpose.Detail.ShouldContain("X-Purpose");
        (await Look(new { cprNumber = Cpr }, Caller.Steering, "curious")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Look(new { cprNumber = Cpr }, Caller.Legal, "curious")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var invalid = await Look(new { cprNumber = "320199-1234" }, Caller.BfuMember, "intake");
        invalid.Status.ShouldBe(HttpStatusCode.BadRequest);
        invalid.ToString().ShouldNotContain("320199");
        (await Look(new { name = Name }, Caller.BfuMember, "intake")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Get("/api/access-log", Caller.Legal)).Body!["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task erasure_removes_the_cases_index_entries()
    {
        var erased = await Host.Referral(About(Name, Cpr));
        var kept = await Host.Referral(About(Name, Cpr));
        (await IndexRows(erased.Id)).ShouldBe(2);

        var answer = await Host.Post(erased.Url("erasure"), new ErasePersonalData(erased.Version, ErasureReason.DataSubjectRequest), Caller.Legal);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        (await IndexRows(erased.Id)).ShouldBe(0);
        Ids((await Look(new { cprNumber = Cpr }, Caller.BfuMember, "intake")).Body).ShouldBe([kept.Id]);
        Ids((await Host.Get(kept.Url(), Caller.BfuMember)).Body!["samePersonCases"]).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_database_dump_holds_none_of_the_names_or_cpr_numbers()
    {
        await Host.Referral(About(Name, Cpr));
        await Host.Referral(About(Name, Cpr));
        await Host.Referral(About("Anden Person", "010203-4321"));

        var c = new NpgsqlConnectionStringBuilder(App.ConnectionString);
        var start = new ProcessStartInfo(LocalPostgres.Tool("pg_dump")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--format=plain", "--no-owner", $"--host={c.Host}", $"--port={c.Port}", $"--username={c.Username}", c.Database! })
            start.ArgumentList.Add(arg);
        if (!string.IsNullOrEmpty(c.Password)) start.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var dump = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await errors);

        dump.ShouldContain("person_index");
        foreach (var secret in new[] { "Kierkegaard", "Anden Person", "0306101234", "030610-1234", "0102034321", "010203-4321" })
            dump.Contains(secret, StringComparison.OrdinalIgnoreCase).ShouldBeFalse(secret);
    }

    private Task<Answer> Look(object body, Caller caller, string? purpose) =>
        Host.WithToken(Host.TokenFor(caller), "/api/people/cases", JsonSerializer.Serialize(body), purpose);

    private async Task<long> IndexRows(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from infohus.person_index where case_id = @id", connection);
        count.Parameters.AddWithValue("id", caseId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
