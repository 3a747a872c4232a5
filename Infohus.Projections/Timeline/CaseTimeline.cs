using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace Infohus.Projections.Timeline;

/// <summary>
/// A case's course, one line per event, rendered from the case's own stream when it is read. The
/// line is the event said in a sentence, so it is not stored a second time: a write appends the
/// event and nothing more for the timeline, a member reads the line the moment the write is
/// acknowledged, and no rebuild can ever make it differ from the event it renders.
/// </summary>
public static partial class CaseTimeline
{
    /// <summary>The lines after <paramref name="afterVersion"/> (all of them by default), in the order they were recorded; none for an unknown case.</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> ReadAsync(IQuerySession session, Guid caseId, long afterVersion = 0, CancellationToken cancellation = default) =>
        Lines(await session.Events.FetchStreamAsync(caseId, fromVersion: afterVersion + 1, token: cancellation));

    /// <summary>The same, read in a batch beside other queries.</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> Read(IBatchedQuery batch, Guid caseId) =>
        Lines(await batch.Events.FetchStream(caseId));

    public static IReadOnlyList<TimelineEntry> Lines(IEnumerable<IEvent> events) =>
        [.. events.OrderBy(e => e.Version).Select(Line).OfType<TimelineEntry>()];

    /// <summary>The line of one event; none for the streams of meetings and outreach, which have no timeline.</summary>
    public static TimelineEntry? Line(IEvent e)
    {
        if (e.Data is not ICaseEvent step) return null;
        var (sentence, text) = Describe(step);
        var actor = step.Actor;
        return new TimelineEntry(e.Id, e.StreamId, e.Version, e.EventTypeName, step.OccurredAt, e.Timestamp,
            actor?.UserId ?? SystemActor(step), actor?.Role ?? SystemRole(step), actor?.Department, sentence, text);
    }

    /// <summary>Steps no member took: the retention rule or legal erasing, and the reaction-deadline alarm.</summary>
    private static string SystemActor(ICaseEvent step) => step switch
    {
        PersonalDataErased erased => erased.ErasedBy,
        ReactionDeadlineMissed => "reaction-deadline",
        CaseReferenceGiven => "case-references",
        _ => "unknown"
    };

    /// <summary>The erasure names no member, but only legal may erase through the API (the erasure policy).</summary>
    private static Role? SystemRole(ICaseEvent step) =>
        step is PersonalDataErased { ErasedBy: not PersonalDataErased.ByRetentionRule } ? Role.Legal : null;

    /// <summary>
    /// A sentence a member understands, made of codes only: free text stays in the sealed text. When
    /// and who come from the event's contract.
    /// </summary>
    public static (string Sentence, PersonalText? Text) Describe(ICaseEvent step) => step switch
    {
        ReferralReceived { Reference: { } reference } e => ($"Referral {reference} received from {Words(e.Source)} ({Words(e.ReferrerOrganisation)}), {Channel(e.Channel)}.", e.Description),
        ReferralReceived e => ($"Referral received from {Words(e.Source)} ({Words(e.ReferrerOrganisation)}), {Channel(e.Channel)}.", e.Description),
        CitizenReferralRouted { Route: CitizenRoute.CoordinatorTriage } e => ($"Citizen's referral received without the person's age: the SSP consultant (the coordinator) triages it until the age is known; the citizen was guided to {string.Join(", ", e.Guidance.Select(Words))}.", null),
        CitizenReferralRouted e => ($"Citizen's referral routed to the {Words(e.Route)}; the citizen was guided to {string.Join(", ", e.Guidance.Select(Words))}.", null),
        CitizenReferralRerouted e => ($"The person's age is known: the citizen's referral is routed to the {Words(e.Route)}.", null),
        RegistrationCorrected e => ($"Registration completed or corrected: {Coded(e.Registration)}.", null),
        CitizenGuided e => ($"The citizen was guided to {string.Join(", ", e.Guidance.Select(Words))}.", null),
        NearestManagerInformed => ("The referrer's nearest manager was informed.", null),
        ConcernInterviewHeld e => ("Concern interview held; the referrer was told that a referral does not replace a notification, and of the duty to report to the Immigration Service.", e.Notes),
        ConcernAssessed { ConcernsExtremism: true } e => ($"Concern assessed: level {e.ConcernLevel}, {Words(e.Tier!.Value)} tier; taking part: {Departments(e.Participants)}.", null),
        ConcernAssessed e => ($"Concern assessed as not about radicalisation or extremism; taking part: {Departments(e.Participants)}.", null),
        ReferralRedirected e => ($"Redirected to {e.Body} ({Words(e.Reason)}).", null),
        ReportedToPetEae => ("Reported to PET and EAE by the local police.", null),
        FeedbackGiven { Kind: FeedbackKind.Guidance } => ("Feedback a): guidance on specific preventive measures.", null),
        FeedbackGiven => ("Feedback b): targeted intervention; the Infohus joins the crisis team.", null),
        CaseHandedOver e => ($"Handed over to {e.ReceivingAuthority}; the Infohus is no longer involved.", null),
        CrisisTeamConvened e => ($"Crisis team convened: {Departments(e.Departments)}.", null),
        PreparednessPlanAdopted e => ("Preparedness plan adopted.", e.Plan),
        InterventionRecommended e => ($"Intervention recommended: {Words(e.Kind)}.", null),
        InterventionDecided e => ($"Intervention {Words(e.Decision)} by {e.Authority}.", null),
        FollowUpOpened e => ($"Follow-up opened on the {Words(e.Circle)}.", null),
        FollowUpAssigned e => ($"Follow-up owned by {e.Owner.Name} ({Departments([e.Owner.Department])}){(e.DueAt is { } due ? $", due {due:yyyy-MM-dd HH:mm} UTC" : "")}.", null),
        FollowUpCompleted => ("Follow-up completed.", null),
        CaseReferenceGiven e => ($"The case, received before cases had references, was given the reference {e.Reference}.", null),
        CaseAssigned { Claimed: true } e => ($"Case claimed by {e.Assignee.Name} ({Departments([e.Assignee.Department])}).", null),
        CaseAssigned e => ($"Case assigned to {e.Assignee.Name} ({Departments([e.Assignee.Department])}).", null),
        CourseEvaluated e => ($"Course evaluated: {Words(e.Outcome)}.", e.Notes),
        CaseClosed => ("Case closed.", null),
        CaseReopened e => ("Case reopened.", e.Reason),
        InformationDisclosed e => ($"Information disclosed under §115 {Words(e.Basis.Provision)} to {e.Recipient.Name} ({e.Recipient.Role}) in the {e.Basis.Cooperation.ToString().ToUpperInvariant()} cooperation, for {Words(e.Basis.Purpose)}: {string.Join(", ", e.Categories.Select(Words))}.", e.Necessity),
        ReactionDeadlineMissed e => ($"Reaction deadline missed: the {(e.Phase == DeadlinePhase.Assessment ? "assessment" : "step after the assessment")} was due {e.DueAt:yyyy-MM-dd HH:mm} UTC.", null),
        InternalCommunicationSent e => ($"Internal communication sent by {e.SenderFunction} to {string.Join(", ", e.Audience.Select(Words))}.", e.WhatIsDone),
        PressHeadsInformed => ("The head of children and family and the head of local police were informed before the press.", null),
        SpokespersonAppointed e => ($"Spokesperson appointed: {e.Function}.", null),
        PressMessageIssued e => ($"Press message issued with {e.KeyMessages.Count} key messages on the general prevention effort.", null),
        PersonalDataErased e => ($"Personal data erased ({Words(e.Reason)}){(e.Reference is null ? "" : $", reference {e.Reference}")}.", null),
        IntakeTriaged e => ($"First concern level at intake, given by the {Words(e.GivenBy)}: {e.ConcernLevel}; the assessment is due {e.AssessmentDueAt:yyyy-MM-dd HH:mm} UTC{(e.AdHocMeeting ? "; an ad hoc meeting is needed" : "")}.", null),
        ConcernReassessed e => ($"Concern re-assessed: level {e.ConcernLevel}, {Words(e.Tier)} tier (was level {e.PreviousConcernLevel}, {(e.PreviousTier is { } t ? Words(t) : "no")} tier); taking part: {Departments(e.Participants)}.", null),
        RegionalInfohusInformed e => ($"Infohus Nordjylland informed through {e.Via.ToUpperInvariant()} with the report.", null),
        JournalNoteAdded e => ($"Journal note: {Words(e.Kind)}.", e.Text),
        DocumentAttached e => ($"Document attached: {Words(e.Kind)}, {e.MediaType}, {e.Size} bytes (document {e.DocumentId}).", e.FileName),
        CasesLinked e => ($"Linked to case {e.OtherReference ?? e.OtherCaseId.ToString()} ({Words(e.Reason)}).", null),
        _ => throw new UnhandledCaseEvent(nameof(CaseTimeline), step)
    };

    private static string Channel(ReferralChannel channel) => channel switch
    {
        ReferralChannel.InPerson => "in person",
        ReferralChannel.Other => "by another channel",
        _ => $"by {Words(channel)}"
    };

    private static string Coded(Registration r) =>
        $"age {(r.Age is { } age ? age.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")}, gender {Words(r.Gender)}, " +
        $"nationality {Words(r.Nationality)}, district {r.District}, family {Words(r.Family)}, attachment {Words(r.Attachment)}, " +
        $"ideology {Words(r.Ideology)}, warning signs {(r.WarningSigns.Count == 0 ? "none" : string.Join(", ", r.WarningSigns.Select(Words)))}";

    private static string Departments(IEnumerable<Department> departments) =>
        string.Join(", ", departments.Select(d => d == Department.Police ? "police" : d.ToString().ToUpperInvariant()));

    /// <summary>An enum code as words: ExternalPartner → "external partner".</summary>
    private static string Words<T>(T code) where T : notnull =>
        string.Concat(code.ToString()!.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
