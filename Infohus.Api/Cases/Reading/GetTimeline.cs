using Infohus.Api.Legal;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;
using Infohus.Projections.Timeline;

namespace Infohus.Api.Cases.Reading;

/// <summary>One step of the course; <c>text</c> is the step's personal text, opened for the reader or "[erased]".</summary>
public sealed record TimelineLine(
    long Version,
    string Kind,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Actor,
    Role? Role,
    Department? Department,
    string Sentence,
    string? Text);

public static class GetTimelineEndpoint
{
    [WolverineGet("/api/cases/{id}/timeline"), Authorize(Policy = Policies.CaseRead)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext context, PersonalDataProtection protection)
    {
        var (purpose, noPurpose) = AccessLog.PurposeOf(context);
        if (noPurpose is not null) return noPurpose;
        var batch = session.CreateBatchQuery();
        var loadingLines = CaseTimeline.Read(batch, id);
        var loadingKey = batch.Load<CaseKey>(id);
        await batch.Execute(context.RequestAborted);
        var lines = await loadingLines;
        if (lines.Count == 0) return Problems.UnknownCase();

        await AccessLog.RecordAsync(session.DocumentStore, context, id, "GET /api/cases/{id}/timeline", purpose!);
        var cipher = protection.Open(await loadingKey);
        return Results.Ok(lines.Select(line => new TimelineLine(line.Version, line.Kind, line.OccurredAt, line.RecordedAt,
            line.ActorUserId, line.ActorRole, line.ActorDepartment, line.Sentence,
            line.Text is null ? null : cipher?.Open(line.Text) ?? PersonalView.ErasedText)));
    }
}
