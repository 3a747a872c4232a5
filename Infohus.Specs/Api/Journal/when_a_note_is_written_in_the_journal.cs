using Infohus.Api.Cases.Erasing;
using Infohus.Api.Cases.Journal;
using Infohus.Specs.Api.PersonalData;

namespace Infohus.Specs.Api.Journal;

public class when_a_note_is_written_in_the_journal(InfohusApp app) : ApiSpec(app)
{
    private const string Call = "Called the school nurse, Birthe Madsen: the boy has stopped eating lunch with the class.";

    [Fact]
    public async Task the_note_is_a_line_on_the_timeline_with_its_kind_time_and_text()
    {
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "notes", new AddJournalNote(@case.Version, JournalNoteKind.PhoneCall, Call, yesterday), Caller.SaehMember);

        var lines = (await Host.Get(@case.Url("timeline"), Caller.BfuMember)).Body!.AsArray();

        var note = lines.Last()!;
        note["kind"]!.GetValue<string>().ShouldBe("journal_note_added");
        note["sentence"]!.GetValue<string>().ShouldBe("Journal note: phone call.");
        note["text"]!.GetValue<string>().ShouldBe(Call);
        note["actor"]!.GetValue<string>().ShouldBe("saeh-member");
        note["occurredAt"]!.GetValue<DateTimeOffset>().ShouldBe(yesterday, TimeSpan.FromMilliseconds(1));
        (await Host.Get(@case.Url(), Caller.BfuMember)).Body!["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("notes");
    }

    [Fact]
    public async Task the_text_is_sealed_in_the_store()
    {
        var @case = await Host.ReferralFromEmployee();
        await Host.Step(@case, "notes", new AddJournalNote(@case.Version, JournalNoteKind.SchoolContact, Call));

        (await when_a_case_holds_personal_data.RowsContaining(App.ConnectionString, "Birthe Madsen")).ShouldBeEmpty();
        (await when_a_case_holds_personal_data.RowsContaining(App.ConnectionString, @case.Id.ToString())).ShouldContain("infohus.mt_events");
    }

    [Fact]
    public async Task notes_go_on_after_a_hand_over_but_not_on_a_closed_case_nor_without_text_or_kind()
    {
        var handedOver = await Host.HandedOver();
        await Host.Step(handedOver, "notes", new AddJournalNote(handedOver.Version, JournalNoteKind.Meeting, "Met the school's leader."));

        var closed = await Host.ClosedCase();
        (await Host.Post(closed.Url("notes"), new AddJournalNote(closed.Version, JournalNoteKind.Other, "Too late."), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.Conflict);

        var @case = await Host.ReferralFromEmployee();
        (await Host.Post(@case.Url("notes"), new AddJournalNote(@case.Version, JournalNoteKind.Other, "  "), Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.PostRaw(@case.Url("notes"), $$"""{"version": {{@case.Version}}, "text": "No kind."}""", Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.PostRaw(@case.Url("notes"), $$"""{"version": {{@case.Version}}, "kind": "gossip", "text": "Unknown kind."}""", Caller.BfuMember))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Post(@case.Url("notes"), new AddJournalNote(@case.Version, JournalNoteKind.Other, "Steering may not."), Caller.Steering))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
    }

    [Fact]
    public async Task after_erasure_the_note_reads_erased()
    {
        var @case = await Host.ReferralFromEmployee();
        @case = await Host.Step(@case, "notes", new AddJournalNote(@case.Version, JournalNoteKind.PhoneCall, Call));
        @case = await Host.Step(@case, "erasure", new ErasePersonalData(@case.Version, ErasureReason.DataSubjectRequest), Caller.Legal);

        var lines = (await Host.Get(@case.Url("timeline"), Caller.Auditor)).Body!.AsArray();
        lines.Single(l => l!["kind"]!.GetValue<string>() == "journal_note_added")!["text"]!.GetValue<string>().ShouldBe("[erased]");
        lines.ToJsonString().ShouldNotContain("Birthe Madsen");
    }
}
