using Infohus.EventStore.Cases;
using Infohus.EventStore.Meetings;
using Infohus.EventStore.Outreach;
using Infohus.EventStore.PersonalData;
using Marten;
using Weasel.Core;

namespace Infohus.EventStore.Hosting;

public static class InfohusEventStore
{
    public const string Schema = "infohus";

    /// <summary>Every event a case stream can hold; registered up front so stored type names never depend on load order.</summary>
    public static readonly IReadOnlyList<Type> CaseEventTypes =
    [
        typeof(ReferralReceived), typeof(CitizenReferralRouted), typeof(NearestManagerInformed),
        typeof(ConcernInterviewHeld), typeof(ConcernAssessed), typeof(ReferralRedirected), typeof(ReportedToPetEae),
        typeof(FeedbackGiven), typeof(CaseHandedOver), typeof(CrisisTeamConvened), typeof(PreparednessPlanAdopted),
        typeof(InterventionRecommended), typeof(InterventionDecided), typeof(FollowUpOpened), typeof(CourseEvaluated),
        typeof(CaseClosed), typeof(CaseReopened), typeof(PersonalDataErased), typeof(InformationDisclosed), typeof(ReactionDeadlineMissed),
        typeof(InternalCommunicationSent), typeof(PressHeadsInformed), typeof(SpokespersonAppointed), typeof(PressMessageIssued)
    ];

    /// <summary>The event store: one stream per case, events as camelCase JSON with enums as strings.</summary>
    public static StoreOptions ConfigureInfohusEventStore(this StoreOptions opts, string connectionString)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = Schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        // Who acted is in each event; the request that caused it is in the metadata.
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;

        // Rich appends give inline projections the stream version (the timeline shows it).
        opts.Events.AppendMode = JasperFx.Events.EventAppendMode.Rich;
        opts.Events.AddEventTypes(CaseEventTypes);
        opts.Projections.LiveStreamAggregation<Case>();
        opts.Events.AddEventType<MeetingCalled>();
        opts.Events.AddEventTypes([typeof(OutreachMeetingHeld), typeof(NewsletterSent), typeof(CourseTaken)]);
        opts.Projections.Snapshot<Meeting>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Schema.For<Meeting>().Duplicate(x => x.Date);

        // Case keys live apart from the events; deleting one erases the case's personal data.
        opts.Schema.For<CaseKey>().DocumentAlias("case_key");
        return opts;
    }
}
