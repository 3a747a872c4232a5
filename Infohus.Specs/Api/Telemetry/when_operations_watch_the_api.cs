using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Alba;
using Infohus.Api.Cases.Intake;
using Infohus.Api.People;
using Infohus.Api.Telemetry;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Wolverine;

namespace Infohus.Specs.Api.Telemetry;

/// <summary>
/// An operator watches a node through its traces, its metrics and its readiness. The node runs on a
/// database of its own with its projection daemon off, so the register stays behind the events and
/// the lag is what the spec makes it. Spans and metrics are caught in memory, as an OTLP collector would get them.
/// </summary>
public class when_operations_watch_the_api : IAsyncLifetime
{
    private const long MaxLag = 1;
    private static int _databases;
    private readonly Caught<Activity> _spans = new();
    private readonly Caught<MetricSnapshot> _metrics = new();
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        // A database per fact: a dropped one's name would hand the next host a pooled connection the drop killed.
        var connectionString = await SpecDatabases.Fresh($"infohus_telemetry_{Interlocked.Increment(ref _databases)}");
        _host = await SpecDatabases.Host(connectionString, builder =>
        {
            builder.UseSetting("Infohus:Projections:DaemonMode", "Disabled");
            builder.UseSetting("Infohus:Telemetry:Traces", "true");
            builder.UseSetting("Infohus:Telemetry:MaxProjectionLag", $"{MaxLag}");
            builder.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
            });
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task no_span_and_no_metric_label_carries_a_name_a_cpr_number_or_free_text()
    {
        var known = await _host.CaseFullOfPersonalData();
        // The same data where it could slip into a span: a query string, a person lookup, a body the API refuses.
        await _host.Get($"/api/cases?reference={Uri.EscapeDataString(PersonalFacts.Name)}", Caller.BfuMember);
        await _host.Get($"/api/statistics?by={Uri.EscapeDataString(PersonalFacts.Cpr)}", Caller.Steering);
        await _host.WithToken(_host.TokenFor(Caller.PoliceMember), "/api/people/cases",
            JsonSerializer.Serialize(new LookUpPerson(PersonalFacts.Cpr, PersonalFacts.Name), HttpSpeech.Json), "checking an earlier referral");
        var refused = await _host.PostRaw("/api/cases", $$$"""{"source": "employee", "description": "{{{PersonalFacts.Description}}}", "registration": {"age": "{{{PersonalFacts.Cpr}}}"}}""", Caller.BfuMember);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        // A database error whose text quotes the value sent (PostgreSQL: invalid input syntax for type uuid: "<the name>").
        await using (var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            await Should.ThrowAsync<Exception>(() => session.QueryAsync<string>("select ?::uuid::text", PersonalFacts.Name));
        var metrics = await Scrape();

        var spans = Recorded();
        spans.ShouldContain(s => s.Source.Name == "Microsoft.AspNetCore", "the HTTP requests are traced");
        spans.ShouldContain(s => s.Source.Name == "Npgsql", "the SQL is traced");
        spans.ShouldContain(s => s.Source.Name == "Marten", "Marten's work is traced");
        spans.ShouldContain(s => s.Source.Name == "Wolverine", "Wolverine's work is traced");
        spans.Select(s => s.GetTagItem("url.path") as string ?? "").ShouldContain(path => path.StartsWith($"/api/cases/{known.Case.Id}"), "the case's path, a GUID, is kept");
        string[] secrets = [.. PersonalFacts.All, Uri.EscapeDataString(PersonalFacts.Name), PersonalFacts.Cpr.Replace("-", "")];
        var leaks = spans.SelectMany(s => Texts(s).Select(text => $"{s.Source.Name} '{s.DisplayName}': {text}"))
            .Concat(metrics.Select(line => $"/metrics: {line}"))
            .Where(text => secrets.Any(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        leaks.ShouldBeEmpty("a span or a metric label carries a name, a CPR number or free text");
        spans.ShouldNotContain(s => s.GetTagItem("url.query") != null, "no query string is recorded, not even redacted");
    }

    [Fact]
    public async Task referrals_and_refused_steps_are_counted_and_the_register_lag_is_measured()
    {
        using var counted = new OwnCounters(_host);
        var first = await _host.ReferralFromEmployee();
        await _host.ReferralFromEmployee();
        // §4.2.2 I: no interview before the nearest manager is informed (a conflict with the case's state).
        var refused = await _host.Post(first.Url("interview"), new HoldInterview(first.Version, true, true, null), Caller.BfuMember);
        refused.Status.ShouldBe(HttpStatusCode.Conflict);
        var stored = await _host.StoredEventCount();
        stored.ShouldBeGreaterThan((int)MaxLag);

        counted["infohus.referrals.received"].ShouldBe(2);
        counted["infohus.steps.refused|reason=conflict"].ShouldBe(1);
        counted.Names.ShouldNotContain(n => n.StartsWith("infohus.steps.refused") && n != "infohus.steps.refused|reason=conflict");

        var ready = await _host.Scenario(s => { s.Get.Url("/health/ready"); s.IgnoreStatusCode(); });
        ready.Context.Response.StatusCode.ShouldBe(200, "a lagging register leaves the node ready: it writes and reads cases");
        (await ready.ReadAsTextAsync()).ShouldBe("Degraded", $"the register is {stored} events behind, more than {MaxLag}");

        var lag = _host.Services.GetRequiredService<ProjectionLag>().Last.ShouldHaveSingleItem();
        lag.Behind.ShouldBeGreaterThanOrEqualTo(stored);
        counted.Observe();
        counted[$"infohus.projection.lag|projection={lag.Projection}"].ShouldBe(lag.Behind, "the gauge shows the lag last measured");
        // The in-memory reader collects now, as an OTLP export would (the Prometheus reader, pulled, has nothing to flush).
        _host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        _metrics.ToList().Where(m => m.Name == "infohus.projection.lag").SelectMany(m => m.MetricPoints)
            .ShouldContain(p => TagsOf(p).Contains($"projection={lag.Projection}"), "the gauge is exported");

        var scrape = string.Join("\n", await Scrape());
        scrape.ShouldContain("infohus_referrals_received_total");
        scrape.ShouldContain("infohus_steps_refused_total{");
        scrape.ShouldContain("reason=\"conflict\"");
        scrape.ShouldContain($"infohus_projection_lag{{");
    }

    [Fact]
    public async Task a_deadline_alarm_that_finds_the_case_still_waiting_is_counted_as_rung_and_missed()
    {
        using var counted = new OwnCounters(_host);

        // Referred 32 days back: its 31-day assessment deadline has passed, so its alarm rings at once.
        await _host.Referral(Given.EmployeeReferral() with { OccurredAt = DateTimeOffset.UtcNow.AddDays(-32) });
        await Waiting.Until(() => Task.FromResult(counted["infohus.deadline_alarms.missed"] > 0), "the alarm to ring and find the case waiting");

        counted["infohus.deadline_alarms.rung"].ShouldBeGreaterThanOrEqualTo(1);
        counted["infohus.deadline_alarms.missed"].ShouldBe(1);
    }

    [Fact]
    public async Task the_node_is_ready_and_healthy_while_the_register_is_within_the_lag_allowed()
    {
        var ready = await _host.Scenario(s => { s.Get.Url("/health/ready"); s.IgnoreStatusCode(); });

        ready.Context.Response.StatusCode.ShouldBe(200);
        (await ready.ReadAsTextAsync()).ShouldBe("Healthy", "an empty store has nothing to project");
    }

    /// <summary>The Prometheus scrape, anonymous, as lines.</summary>
    private async Task<IReadOnlyList<string>> Scrape()
    {
        var scrape = await _host.Scenario(s => s.Get.Url("/metrics"));
        scrape.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("text/plain");
        return (await scrape.ReadAsTextAsync()).Split('\n');
    }

    private List<Activity> Recorded() => _spans.ToList();

    /// <summary>Everything a span carries as text: its name, status, tags, events and their tags, links' tags.</summary>
    private static IEnumerable<string> Texts(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Append(e.Name)));

    private static IEnumerable<string> TagsOf(MetricPoint point)
    {
        foreach (var tag in point.Tags) yield return $"{tag.Key}={tag.Value}";
    }

    /// <summary>
    /// This host's own counters and gauges, read apart from any other host in the run (the meter
    /// "Infohus" of each host comes from its own meter factory; an exporter sees them all): name, or name|tag=value.
    /// </summary>
    private sealed class OwnCounters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _counts = [];

        public OwnCounters(IAlbaHost host)
        {
            var factory = host.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == InfohusMetrics.MeterName && instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var key = string.Join("|", tags.ToArray().Select(t => $"{t.Key}={t.Value}").Prepend(instrument.Name));
                // A gauge shows its last value; a counter adds up (a write that appended no referral adds 0).
                lock (_counts) _counts[key] = instrument.IsObservable ? value : _counts.GetValueOrDefault(key) + value;
            });
            _listener.Start();
        }

        public long this[string name]
        {
            get { lock (_counts) return _counts.GetValueOrDefault(name); }
        }

        public IReadOnlyList<string> Names
        {
            get { lock (_counts) return [.. _counts.Keys.Where(k => _counts[k] != 0)]; }
        }

        /// <summary>Reads the gauges now.</summary>
        public void Observe() => _listener.RecordObservableInstruments();

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>What an in-memory exporter hands over, safe to read while the node's background work still adds to it.</summary>
    private sealed class Caught<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count { get { lock (_items) return _items.Count; } }

        public bool IsReadOnly => false;

        public void Add(T item) { lock (_items) _items.Add(item); }

        public void Clear() { lock (_items) _items.Clear(); }

        public bool Contains(T item) { lock (_items) return _items.Contains(item); }

        public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }

        public bool Remove(T item) { lock (_items) return _items.Remove(item); }

        public IEnumerator<T> GetEnumerator()
        {
            lock (_items) return _items.ToList().GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
