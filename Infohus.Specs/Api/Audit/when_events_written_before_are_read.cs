using System.Text.Json;
using System.Text.Json.Nodes;
using Infohus.EventStore.Hosting;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Infohus.Specs.Api.Audit;

/// <summary>
/// Events are forever: the JSON stored for every event type, committed as a fixture
/// (Infohus.Specs/Fixtures/stored-events.json), must read back into its type and be written again
/// byte for byte, so a refactoring of the events cannot change what is stored nor orphan old rows.
/// A new event type adds its line with INFOHUS_WRITE_EVENT_FIXTURE=1 (README, "To add a step").
/// </summary>
public class when_events_written_before_are_read(InfohusApp app) : ApiSpec(app)
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    private static string FixturePath => Path.Combine(LocalPostgres.RepositoryRoot()!, "Infohus.Specs", "Fixtures", "stored-events.json");

    [Fact]
    public void every_stored_event_type_reads_back_and_is_written_exactly_as_before()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var serializer = store.Options.Serializer();
        var known = ((IReadOnlyStoreOptions)store.Options).Events.AllKnownEventTypes()
            .Where(t => t.EventType.Namespace?.StartsWith("Infohus.", StringComparison.Ordinal) == true)
            .ToDictionary(t => t.EventTypeName, t => t.EventType);

        if (Environment.GetEnvironmentVariable("INFOHUS_WRITE_EVENT_FIXTURE") == "1")
        {
            var written = new JsonObject();
            foreach (var (name, type) in known.OrderBy(k => k.Key, StringComparer.Ordinal))
                written[name] = JsonNode.Parse(serializer.ToJson(SampleEvents.Of(type)));
            File.WriteAllText(FixturePath, written.ToJsonString(Readable) + "\n");
        }

        var fixture = JsonNode.Parse(File.ReadAllText(FixturePath))!.AsObject();
        known.Keys.Except(fixture.Select(f => f.Key)).ShouldBeEmpty("an event type without its stored JSON in the fixture");
        foreach (var (name, json) in fixture)
        {
            known.ShouldContainKey(name, $"the stored type {name} no longer reads: its rows would be orphaned");
            var stored = json!.ToJsonString(Readable);
            var read = serializer.FromJson(known[name], new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored)));
            JsonNode.Parse(serializer.ToJson(read))!.ToJsonString(Readable).ShouldBe(stored, $"{name} is written differently than before");
        }
    }
}
