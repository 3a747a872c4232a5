using System.Diagnostics.Metrics;

namespace Infohus.Api.Telemetry;

/// <summary>
/// Our own figures, on the meter "Infohus". Every tag is a code from a closed list (a refusal's kind, a
/// projection's name): never a name, a CPR number, free text or an id, so no label can single out a person.
/// </summary>
public sealed class InfohusMetrics
{
    public const string MeterName = "Infohus";

    private readonly Counter<long> _referralsReceived;
    private readonly Counter<long> _stepsRefused;
    private readonly Counter<long> _deadlineAlarmsRung;
    private readonly Counter<long> _deadlinesMissed;
    private readonly Counter<long> _noticesSent;

    public InfohusMetrics(IMeterFactory meters, ProjectionLag lag)
    {
        var meter = meters.Create(MeterName);
        _referralsReceived = meter.CreateCounter<long>("infohus.referrals.received", "{referral}", "Referrals received: cases opened.");
        _stepsRefused = meter.CreateCounter<long>("infohus.steps.refused", "{step}", "Steps the action plan refused, by the kind of refusal (reason).");
        _deadlineAlarmsRung = meter.CreateCounter<long>("infohus.deadline_alarms.rung", "{alarm}", "Reaction-deadline alarms that rang.");
        _deadlinesMissed = meter.CreateCounter<long>("infohus.deadline_alarms.missed", "{case}", "Alarms that found the case still waiting: a reaction deadline missed.");
        _noticesSent = meter.CreateCounter<long>("infohus.notices.sent", "{notice}", "Notices (e-mails) sent to members.");
        meter.CreateObservableGauge("infohus.projection.lag", () => lag.Last.Select(shard =>
                new Measurement<long>(shard.Behind, new KeyValuePair<string, object?>("projection", shard.Projection))),
            "{event}", "Events the async projection (the anonymous register) is behind the newest stored event, as last measured.");
    }

    /// <summary>Counts what an accepted write appended that we follow: referrals.</summary>
    public void Accepted(IEnumerable<object> events) =>
        _referralsReceived.Add(events.Count(e => e is ReferralReceived));

    public void StepRefused(Refusal refusal) =>
        _stepsRefused.Add(1, new KeyValuePair<string, object?>("reason", ReasonCode(refusal.Kind)));

    public void DeadlineAlarmRung() => _deadlineAlarmsRung.Add(1);

    public void DeadlineMissed() => _deadlinesMissed.Add(1);

    /// <summary>For the notices: one call per notice handed to the mail server.</summary>
    public void NoticeSent() => _noticesSent.Add(1);

    /// <summary>The refusal's kind as a code (the HTTP status it becomes), never the reason text.</summary>
    public static string ReasonCode(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => "invalid",
        RefusalKind.Forbidden => "forbidden",
        RefusalKind.NotFound => "not-found",
        RefusalKind.Conflict => "conflict",
        RefusalKind.RuleBroken => "rule-broken",
        _ => throw new ArgumentOutOfRangeException(nameof(kind))
    };
}
