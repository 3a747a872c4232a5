using System.Text.Json.Nodes;
using Infohus.Api.Legal;

namespace Infohus.Api.Cases.Reading;

/// <summary>One stored event as an auditor replays it: its place, its times, who, why, and its data as stored.</summary>
public sealed record StoredEvent(
    long Sequence,
    long Version,
    string Type,
    DateTimeOffset? OccurredAt,
    DateTimeOffset RecordedAt,
    string? Actor,
    string? Role,
    string? Department,
    string? CorrelationId,
    JsonNode? Data);

public static class GetEventsEndpoint
{
    /// <summary>Every event of the case in order. Personal fields stay as stored: sealed.</summary>
    [WolverineGet("/api/cases/{id}/events"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext context)
    {
        var (purpose, noPurpose) = AccessLog.PurposeOf(context);
        if (noPurpose is not null) return noPurpose;
        var events = await session.Events.FetchStreamAsync(id, token: context.RequestAborted);
        if (events.Count == 0) return Problems.UnknownCase();

        await AccessLog.RecordAsync(session.DocumentStore, context, id, "GET /api/cases/{id}/events", purpose!);
        var json = session.DocumentStore.Options.Serializer();
        return Results.Ok(events.Select(e => new StoredEvent(
            e.Sequence, e.Version, e.EventTypeName,
            (e.Data as ICaseEvent)?.OccurredAt,
            e.Timestamp,
            Header(e, "user-id"), Header(e, "role"), Header(e, "department"),
            e.CorrelationId,
            JsonNode.Parse(json.ToJson(e.Data)))));
    }

    private static string? Header(JasperFx.Events.IEvent e, string name) =>
        e.Headers is { } headers && headers.TryGetValue(name, out var value) ? value?.ToString() : null;
}
