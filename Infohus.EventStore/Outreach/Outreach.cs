using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.EventStore.Outreach;

/// <summary>External institutions the Infohus visits (§4.2.1: youth and vocational education among them).</summary>
public enum InstitutionType { YouthEducation, VocationalEducation, School, Daycare, Housing, Association, Other }

public enum CourseProvider { Ncfe, Siri, InfohusNordjylland, Other }

/// <summary>An information and dialogue meeting, internal (a department) or external (an institution), with Action Cards handed out.</summary>
public sealed record OutreachMeetingHeld(
    Guid Id, DateOnly Date, Department? Department, InstitutionType? Institution, int Participants, int ActionCards, MemberRef RecordedBy);

/// <summary>
/// A recorded outreach meeting's figures, put right. Events are never changed, so a mistake (a typo,
/// a count far beyond any meeting) is corrected by this later event on the meeting's stream, and the
/// half-year report reads the latest correction instead of the figures first recorded.
/// </summary>
public sealed record OutreachMeetingCorrected(
    Guid Id, int Participants, int ActionCards, string Reason, DateTimeOffset CorrectedAt, MemberRef CorrectedBy);

/// <summary>A newsletter to the staff of the departments involved (§5.2: 3–4 a year).</summary>
public sealed record NewsletterSent(Guid Id, DateOnly Date, string Audience, MemberRef RecordedBy);

/// <summary>A member's competence development (§3.3).</summary>
public sealed record CourseTaken(Guid Id, DateOnly Date, Department MemberDepartment, string Course, CourseProvider Provider, MemberRef RecordedBy);

/// <summary>What a colleague asked the Infohus about (sparring, §2.1, §3.3: members act as consultants for caseworkers and schools).</summary>
public enum AdviceTopic { WarningSigns, TalkingWithThePerson, WhetherToRefer, NotificationDuty, InformationSharing, OnlineContent, Other }

/// <summary>How the advice ended: advice given, or the concern became a referral (recorded as a case of its own).</summary>
public enum AdviceOutcome { AdviceGiven, BecameReferral }

/// <summary>
/// Anonymous advice to a colleague (sparring): no person, no free text, only coded topic, the colleague's
/// organisation type and the outcome, so the daily consultancy does not have to become a case.
/// </summary>
public sealed record AdviceGiven(
    Guid Id, DateOnly Date, Department MemberDepartment, AdviceTopic Topic, ReferrerOrganisation Organisation, AdviceOutcome Outcome, MemberRef RecordedBy);

public static class OutreachRules
{
    public const int NewslettersPerYearFrom = 3;
    public const int NewslettersPerYearTo = 4;

    /// <summary>More people than a plausible meeting holds (a whole school's staff, a theme day); a larger figure is a mistake.</summary>
    public const int MaxParticipants = 2_000;

    /// <summary>More Action Cards than a plausible meeting hands out, stacks for an institution's staff included.</summary>
    public const int MaxActionCards = 10_000;

    internal static Refusal? Figures(int participants, int actionCards) =>
        participants is < 1 or > MaxParticipants || actionCards is < 0 or > MaxActionCards
            ? Refusal.Invalid($"Give the number of participants (1 to {MaxParticipants}) and of Action Cards handed out (0 to {MaxActionCards}).")
            : null;

    internal static Refusal? OnlyMembers(MemberRef actor) => actor.Role is Role.Member or Role.Coordinator
        ? null
        : Refusal.Forbidden("Only Infohus members and the coordinator record outreach.");
}
