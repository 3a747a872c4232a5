using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Infohus.Projections.Timeline;

/// <summary>Inline: the timeline is written in the same transaction as the events it describes.</summary>
public sealed partial class TimelineProjection : EventProjection
{
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (Describe(e.Data) is { } line)
        {
            var (sentence, at, actor, text) = line;
            operations.Store(new TimelineEntry(e.Id, e.StreamId, e.Version, e.EventTypeName, at, Microseconds(e.Timestamp),
                actor?.UserId ?? SystemActor(e.Data), actor?.Role, actor?.Department, sentence, text));
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>PostgreSQL keeps microseconds: a live line and a rebuilt one must show the same recorded time.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));

    /// <summary>Steps no member took: the retention rule or legal erasing, and the reaction-deadline alarm.</summary>
    private static string SystemActor(object data) => data switch
    {
        PersonalDataErased erased => erased.ErasedBy,
        ReactionDeadlineMissed => "reaction-deadline",
        _ => "unknown"
    };

    /// <summary>A sentence a member understands, made of codes only: free text stays in the sealed text.</summary>
    public static (string Sentence, DateTimeOffset At, MemberRef? Actor, PersonalText? Text)? Describe(object data) => data switch
    {
        ReferralReceived e => ($"Referral received from {Words(e.Source)} ({Words(e.ReferrerOrganisation)}), {Channel(e.Channel)}.", e.ReceivedAt, e.ReceivedBy, e.Description),
        CitizenReferralRouted { Route: CitizenRoute.CoordinatorTriage } e => ($"Citizen's referral received without the person's age: the SSP consultant (the coordinator) triages it until the age is known; the citizen was guided to {string.Join(", ", e.Guidance.Select(Words))}.", e.RoutedAt, e.RoutedBy, null),
        CitizenReferralRouted e => ($"Citizen's referral routed to the {Words(e.Route)}; the citizen was guided to {string.Join(", ", e.Guidance.Select(Words))}.", e.RoutedAt, e.RoutedBy, null),
        CitizenReferralRerouted e => ($"The person's age is known: the citizen's referral is routed to the {Words(e.Route)}.", e.RoutedAt, e.RoutedBy, null),
        RegistrationCorrected e => ($"Registration completed or corrected: {Coded(e.Registration)}.", e.CorrectedAt, e.CorrectedBy, null),
        CitizenGuided e => ($"The citizen was guided to {string.Join(", ", e.Guidance.Select(Words))}.", e.GuidedAt, e.GuidedBy, null),
        NearestManagerInformed e => ("The referrer's nearest manager was informed.", e.InformedAt, e.InformedBy, null),
        ConcernInterviewHeld e => ("Concern interview held; the referrer was told that a referral does not replace a notification, and of the duty to report to the Immigration Service.", e.HeldAt, e.HeldBy, e.Notes),
        ConcernAssessed { ConcernsExtremism: true } e => ($"Concern assessed: level {e.ConcernLevel}, {Words(e.Tier!.Value)} tier; taking part: {Departments(e.Participants)}.", e.AssessedAt, e.AssessedBy, null),
        ConcernAssessed e => ($"Concern assessed as not about radicalisation or extremism; taking part: {Departments(e.Participants)}.", e.AssessedAt, e.AssessedBy, null),
        ReferralRedirected e => ($"Redirected to {e.Body} ({Words(e.Reason)}).", e.RedirectedAt, e.RedirectedBy, null),
        ReportedToPetEae e => ("Reported to PET and EAE by the local police.", e.ReportedAt, e.ReportedBy, null),
        FeedbackGiven { Kind: FeedbackKind.Guidance } e => ("Feedback a): guidance on specific preventive measures.", e.GivenAt, e.GivenBy, null),
        FeedbackGiven e => ("Feedback b): targeted intervention; the Infohus joins the crisis team.", e.GivenAt, e.GivenBy, null),
        CaseHandedOver e => ($"Handed over to {e.ReceivingAuthority}; the Infohus is no longer involved.", e.HandedOverAt, e.HandedOverBy, null),
        CrisisTeamConvened e => ($"Crisis team convened: {Departments(e.Departments)}.", e.ConvenedAt, e.ConvenedBy, null),
        PreparednessPlanAdopted e => ("Preparedness plan adopted.", e.AdoptedAt, e.AdoptedBy, e.Plan),
        InterventionRecommended e => ($"Intervention recommended: {Words(e.Kind)}.", e.RecommendedAt, e.RecommendedBy, null),
        InterventionDecided e => ($"Intervention {Words(e.Decision)} by {e.Authority}.", e.DecidedAt, e.RecordedBy, null),
        FollowUpOpened e => ($"Follow-up opened on the {Words(e.Circle)}.", e.OpenedAt, e.OpenedBy, null),
        CourseEvaluated e => ($"Course evaluated: {Words(e.Outcome)}.", e.EvaluatedAt, e.EvaluatedBy, e.Notes),
        CaseClosed e => ("Case closed.", e.ClosedAt, e.ClosedBy, null),
        CaseReopened e => ("Case reopened.", e.ReopenedAt, e.ReopenedBy, e.Reason),
        InformationDisclosed e => ($"Information disclosed under §115 {Words(e.Basis.Provision)} to {e.Recipient.Name} ({e.Recipient.Role}) in the {e.Basis.Cooperation.ToString().ToUpperInvariant()} cooperation, for {Words(e.Basis.Purpose)}: {string.Join(", ", e.Categories.Select(Words))}.", e.DisclosedAt, e.DisclosedBy, e.Necessity),
        ReactionDeadlineMissed e => ($"Reaction deadline missed: the {(e.Phase == DeadlinePhase.Assessment ? "assessment" : "step after the assessment")} was due {e.DueAt:yyyy-MM-dd HH:mm} UTC.", e.DetectedAt, null, null),
        InternalCommunicationSent e => ($"Internal communication sent by {e.SenderFunction} to {string.Join(", ", e.Audience.Select(Words))}.", e.SentAt, e.RecordedBy, e.WhatIsDone),
        PressHeadsInformed e => ("The head of children and family and the head of local police were informed before the press.", e.InformedAt, e.RecordedBy, null),
        SpokespersonAppointed e => ($"Spokesperson appointed: {e.Function}.", e.AppointedAt, e.RecordedBy, null),
        PressMessageIssued e => ($"Press message issued with {e.KeyMessages.Count} key messages on the general prevention effort.", e.IssuedAt, e.RecordedBy, null),
        PersonalDataErased e => ($"Personal data erased ({Words(e.Reason)}){(e.Reference is null ? "" : $", reference {e.Reference}")}.", e.ErasedAt, null, null),
        _ => null
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
