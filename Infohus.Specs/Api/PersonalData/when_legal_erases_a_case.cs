using Infohus.Api.Cases.Erasing;
using Npgsql;

namespace Infohus.Specs.Api.PersonalData;

public class when_legal_erases_a_case(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_key_is_destroyed_the_fields_read_erased_and_the_history_keeps_its_events_and_codes()
    {
        var known = await Host.CaseFullOfPersonalData();
        var before = await Host.Get(known.Case.Url(), Caller.BfuMember);
        var eventsBefore = await Host.StoredEvents(known.Case.Id);

        var answer = await Host.Post(known.Case.Url("erasure"),
            new ErasePersonalData(known.Case.Version, ErasureReason.DataSubjectRequest, "J.nr. 2026-117"), Caller.Legal);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var after = await Host.Get(known.Case.Url(), Caller.BfuMember);
        var personal = after.Body!["personal"]!;
        personal["erased"]!.GetValue<bool>().ShouldBeTrue();
        foreach (var field in new[] { "description", "subjectName", "subjectCprNumber", "subjectAddress", "referrerName", "preparednessPlan" })
            personal[field]!.GetValue<string>().ShouldBe("[erased]");
        after.ToString().ShouldNotContain(PersonalFacts.Name);

        // The coded facts are exactly as before; only the version moved by the erasure event.
        after.Body!["state"]!.ToJsonString().ShouldBe(before.Body!["state"]!.ToJsonString());

        var eventsAfter = await Host.StoredEvents(known.Case.Id);
        eventsAfter.Count.ShouldBe(eventsBefore.Count + 1);
        eventsAfter.Take(eventsBefore.Count).Select(e => (e.Id, e.EventTypeName, e.Version))
            .ShouldBe(eventsBefore.Select(e => (e.Id, e.EventTypeName, e.Version)));
        var erased = eventsAfter.Last().Data.ShouldBeOfType<PersonalDataErased>();
        erased.ErasedBy.ShouldBe(Caller.Legal.Subject);
        erased.Reason.ShouldBe(ErasureReason.DataSubjectRequest);
        erased.Reference.ShouldBe("J.nr. 2026-117");

        foreach (var text in known.Texts)
            (await when_a_case_holds_personal_data.RowsContaining(App.ConnectionString, text)).ShouldBeEmpty();
        (await CaseKeyRows(known.Case.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task an_erased_case_accepts_no_further_step_and_is_erased_only_once()
    {
        var known = await Host.CaseFullOfPersonalData();
        var erased = await Host.Step(known.Case, "erasure", new ErasePersonalData(known.Case.Version, ErasureReason.NoLongerNecessary), Caller.Legal);

        (await Host.Post(erased.Url("closure"), new CloseCase(erased.Version), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Conflict);
        (await Host.Post(erased.Url("erasure"), new ErasePersonalData(erased.Version, ErasureReason.NoLongerNecessary), Caller.Legal))
            .Status.ShouldBe(HttpStatusCode.Conflict);
        (await Host.StoredVersion(erased.Id)).ShouldBe(erased.Version);
    }

    [Fact]
    public async Task a_closed_case_can_be_erased()
    {
        var @case = await Host.ClosedCase();

        await Host.Step(@case, "erasure", new ErasePersonalData(@case.Version, ErasureReason.RetentionExpired), Caller.Legal);

        var view = await Host.Get(@case.Url(), Caller.Auditor);
        view.Body!["personal"]!["description"]!.GetValue<string>().ShouldBe("[erased]");
        view.Body!["state"]!["status"]!.GetValue<string>().ShouldBe("closed");
    }

    [Theory]
    [InlineData("bfu-member")]
    [InlineData("police-member")]
    [InlineData("auditor")]
    [InlineData("steering-chief")]
    public async Task only_legal_erases(string subject)
    {
        var @case = await Host.ReferralFromEmployee();
        var caller = new[] { Caller.BfuMember, Caller.PoliceMember, Caller.Auditor, Caller.Steering }.Single(c => c.Subject == subject);

        var answer = await Host.Post(@case.Url("erasure"), new ErasePersonalData(@case.Version, ErasureReason.Unlawful), caller);

        answer.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
        (await CaseKeyRows(@case.Id)).ShouldBe(1);
    }

    private async Task<long> CaseKeyRows(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from infohus.mt_doc_case_key where id = @id", connection);
        command.Parameters.AddWithValue("id", caseId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
