using System.Security.Cryptography;
using System.Text;
using Infohus.Api.Cases.Deadlines;
using Infohus.EventStore.Members;

namespace Infohus.Api.Notices;

public enum NoticeKind
{
    /// <summary>A citizen's concern waits in a department's queue (§4.2.2 II).</summary>
    Routed,
    /// <summary>A referral given the staircase's most urgent level at intake, not routed to a queue: an ad hoc meeting (§3.1).</summary>
    AcuteIntake,
    /// <summary>The coordinator or the member who had it assigned the case to a member.</summary>
    Assigned,
    /// <summary>The reaction deadline is due within a day.</summary>
    DeadlineTomorrow,
    /// <summary>The reaction deadline passed with the case still waiting.</summary>
    DeadlineMissed
}

/// <summary>
/// One e-mail to send: what happened to which case, and to whom. It carries the case's id and reference
/// and nothing else of the case: never a name, a CPR number or a free text. The id is the same for the
/// same occasion however often it is decided, so a notice is sent once.
/// </summary>
public sealed record NoticeToSend(
    Guid Id,
    NoticeKind Kind,
    Guid CaseId,
    string? Reference,
    string To,
    DateTimeOffset? DueAt = null,
    bool AdHocMeeting = false);

/// <summary>The reminder of a reaction deadline, scheduled a day before it is due.</summary>
public sealed record RemindOfReactionDeadline(Guid CaseId, DateTimeOffset DueAt);

/// <summary>Which notices the events of one write call for, and to whom (configuration).</summary>
public sealed class NoticeRules(NoticeSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan ReminderAhead = TimeSpan.FromDays(1);

    public bool Enabled => settings.Enabled;

    /// <summary>The notices of a write; <paramref name="before"/> is the case as it stood before it (null at intake).</summary>
    public IEnumerable<NoticeToSend> For(IReadOnlyList<object> events, Case? before)
    {
        var received = events.OfType<ReferralReceived>().SingleOrDefault();
        var routed = events.OfType<CitizenReferralRouted>().SingleOrDefault();
        var acute = events.OfType<IntakeTriaged>().Any(t => t.AdHocMeeting);
        if (received is not null && (routed is { } r && r.AssignedMember() is null || acute))
        {
            // A concern routed to a queue waits for the department; an acute one calls for an ad hoc meeting there.
            var department = routed?.ResponsibleDepartment ?? received.ReceivedBy.Department;
            var waiting = routed is not null && routed.AssignedMember() is null;
            if (settings.AddressFor(null, department) is { } to)
                yield return new(IdOf(waiting ? NoticeKind.Routed : NoticeKind.AcuteIntake, received.CaseId, received.ReceivedAt),
                    waiting ? NoticeKind.Routed : NoticeKind.AcuteIntake, received.CaseId, received.Reference, to, AdHocMeeting: acute);
        }

        foreach (var e in events)
        {
            var notice = e switch
            {
                CitizenReferralRerouted rerouted when rerouted.AssignedMember() is null =>
                    settings.AddressFor(null, rerouted.ResponsibleDepartment) is { } to
                        ? new NoticeToSend(IdOf(NoticeKind.Routed, rerouted.CaseId, rerouted.RoutedAt), NoticeKind.Routed, rerouted.CaseId, before?.Reference, to)
                        : null,
                // Who claims a case took it themselves; only an assignment by someone else is news.
                CaseAssigned { Claimed: false } assigned =>
                    settings.AddressFor(assigned.Assignee.MemberId, assigned.Assignee.Department) is { } to
                        ? new NoticeToSend(IdOf(NoticeKind.Assigned, assigned.CaseId, assigned.AssignedAt, assigned.Assignee.MemberId),
                            NoticeKind.Assigned, assigned.CaseId, before?.Reference, to)
                        : null,
                ReactionDeadlineMissed missed when before is not null => ToWhoHas(before, NoticeKind.DeadlineMissed, missed.DueAt),
                _ => null
            };
            if (notice is not null) yield return notice;
        }
    }

    /// <summary>The reminder a day before the deadline, if the case still waits on it; null otherwise.</summary>
    public NoticeToSend? Reminder(Case state, DateTimeOffset dueAt) =>
        state.DueAt != dueAt || state.MissedDueAt == dueAt || state.Status == CaseStatus.Closed || state.PersonalDataErased
            ? null
            : ToWhoHas(state, NoticeKind.DeadlineTomorrow, dueAt);

    /// <summary>The reminders the events' due times call for: a day ahead, unless that is already past.</summary>
    public IEnumerable<(RemindOfReactionDeadline Reminder, DateTimeOffset At)> RemindersFor(IEnumerable<object> events)
    {
        var now = clock.GetUtcNow();
        foreach (var (caseId, at) in ReactionDeadlines.DueTimes(events))
            if (at - ReminderAhead > now) yield return (new RemindOfReactionDeadline(caseId, at), at - ReminderAhead);
    }

    /// <summary>The member who has the case, or its department when the member has no address or nobody has it.</summary>
    private NoticeToSend? ToWhoHas(Case state, NoticeKind kind, DateTimeOffset dueAt) =>
        settings.AddressFor(state.AssignedTo, state.Assignee?.Department ?? state.ResponsibleDepartment) is { } to
            ? new NoticeToSend(IdOf(kind, state.Id, dueAt), kind, state.Id, state.Reference, to, dueAt)
            : null;

    /// <summary>The same occasion always gives the same id: a notice decided twice is still sent once.</summary>
    private static Guid IdOf(NoticeKind kind, Guid caseId, DateTimeOffset at, string? discriminator = null)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{caseId}|{at.UtcTicks}|{discriminator}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
