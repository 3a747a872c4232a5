using Infohus.Api.Notices;
using Microsoft.Extensions.Time.Testing;

namespace Infohus.Specs.Api.Notices;

/// <summary>Which notices a write calls for and what they say, without a database or a mail server.</summary>
public class when_a_notice_is_decided
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CaseId = Guid.CreateVersion7();

    private static readonly NoticeRules Rules = new(new NoticeSettings
    {
        Smtp = { Host = "mail.test" },
        BaseUrl = "https://infohus.test/",
        Departments = { ["au"] = "au@infohus.test", ["bfu"] = "bfu@infohus.test" },
        Members = { ["au-member"] = "au-member@infohus.test" }
    }, new FakeTimeProvider(Now));

    public static TheoryData<NoticeKind> Kinds => [.. Enum.GetValues<NoticeKind>()];

    [Theory, MemberData(nameof(Kinds))]
    public void every_kind_says_in_danish_which_case_with_its_reference_and_link(NoticeKind kind)
    {
        var notice = new NoticeToSend(Guid.NewGuid(), kind, CaseId, "2026-0042", "au@infohus.test", Now.AddDays(1));

        var (subject, body) = NoticeText.Compose(notice, "https://infohus.test/sager/" + CaseId);

        subject.ShouldContain("2026-0042");
        body.ShouldContain("2026-0042");
        body.ShouldContain("https://infohus.test/sager/" + CaseId);
        body.ShouldContain("ingen personoplysninger");
    }

    [Fact]
    public void an_acute_notice_asks_for_an_ad_hoc_meeting()
    {
        var notice = new NoticeToSend(Guid.NewGuid(), NoticeKind.Routed, CaseId, "2026-0042", "au@infohus.test", AdHocMeeting: true);

        var (subject, body) = NoticeText.Compose(notice, "link");

        subject.ShouldStartWith("Akut: ");
        body.ShouldContain("ad hoc-møde");
    }

    [Fact]
    public void a_claim_mails_nobody_and_an_assignment_mails_the_assignee_with_the_same_id_each_time()
    {
        var by = new MemberRef("ssp-consultant", Role.Coordinator, Department.Bfu);
        var claimed = new CaseAssigned(CaseId, new Assignee("au-member", "Anna", Department.Au), Claimed: true, Now, by);
        var assigned = claimed with { Claimed = false };

        Rules.For([claimed], null).ShouldBeEmpty();
        var notice = Rules.For([assigned], null).ShouldHaveSingleItem();
        notice.To.ShouldBe("au-member@infohus.test");
        notice.Kind.ShouldBe(NoticeKind.Assigned);
        Rules.For([assigned], null).Single().Id.ShouldBe(notice.Id, "decided twice, it is the same notice");
    }

    [Fact]
    public void a_deadline_less_than_a_day_away_gets_no_reminder_and_one_further_away_gets_one_a_day_ahead()
    {
        var received = (ReferralReceived)SampleEvents.Of(typeof(ReferralReceived));

        Rules.RemindersFor([received with { AssessmentDueAt = Now.AddHours(20) }]).ShouldBeEmpty();
        var (reminder, at) = Rules.RemindersFor([received with { AssessmentDueAt = Now.AddDays(7) }]).ShouldHaveSingleItem();
        at.ShouldBe(Now.AddDays(6));
        reminder.DueAt.ShouldBe(Now.AddDays(7));
    }
}
