using Infohus.EventStore.Members;
using Infohus.EventStore.Outreach;

namespace Infohus.Api.Outreach;

public sealed record HoldOutreachMeeting(DateOnly Date, int Participants, int ActionCards, Department? Department = null, InstitutionType? Institution = null);

public sealed record SendNewsletter(DateOnly Date, string Audience);

public sealed record TakeCourse(DateOnly Date, string Course, CourseProvider Provider);

/// <summary>Sparring with a colleague, coded only: no person, no text.</summary>
public sealed record GiveAdvice(DateOnly Date, AdviceTopic Topic, ReferrerOrganisation Organisation, AdviceOutcome Outcome);

/// <summary>An outreach meeting's figures as they should have been recorded, and why they are corrected.</summary>
public sealed record CorrectOutreachMeeting(int Participants, int ActionCards, string Reason);

public sealed record OutreachReceipt(Guid Id);

/// <summary>The Infohus's preventive work (§4.2.1, §3.3, §5.2): each record is its own one-event stream.</summary>
public static class RecordOutreachEndpoints
{
    [WolverinePost("/api/outreach/meetings"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Meeting(HoldOutreachMeeting? command, IDocumentSession session, HttpContext context) =>
        Record(session, context, command is null ? null : (id, actor) =>
            HoldOutreachMeetingStep.HoldOutreachMeeting(id, command.Date, command.Department, command.Institution, command.Participants, command.ActionCards, actor));

    [WolverinePost("/api/outreach/newsletters"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Newsletter(SendNewsletter? command, IDocumentSession session, HttpContext context) =>
        Record(session, context, command is null ? null : (id, actor) => SendNewsletterStep.SendNewsletter(id, command.Date, command.Audience, actor));

    [WolverinePost("/api/outreach/courses"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Course(TakeCourse? command, IDocumentSession session, HttpContext context) =>
        Record(session, context, command is null ? null : (id, actor) => TakeCourseStep.TakeCourse(id, command.Date, command.Course, command.Provider, actor));

    [WolverinePost("/api/outreach/advice"), Authorize(Policy = Policies.CaseWork)]
    public static Task<IResult> Advice(GiveAdvice? command, IDocumentSession session, HttpContext context, TimeProvider clock) =>
        Record(session, context, command is null ? null : (id, actor) => GiveAdviceStep.GiveAdvice(id, command.Date, command.Topic, command.Organisation,
            command.Outcome, DanishToday(clock), actor));

    private static DateOnly DanishToday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);

    /// <summary>Puts a recorded meeting's figures right with a correcting event on its stream: the recorded event is never changed.</summary>
    [WolverinePost("/api/outreach/meetings/{id}/correction"), Authorize(Policy = Policies.CaseWork)]
    public static async Task<IResult> Correction(Guid id, CorrectOutreachMeeting? command, IDocumentSession session, HttpContext context, TimeProvider clock)
    {
        if (command is null) return Problems.Invalid("The request body is missing.");
        // Only an outreach meeting's own stream takes a correction: never a case's or any other.
        var stream = await session.Events.FetchStreamAsync(id, token: context.RequestAborted);
        var decision = CorrectOutreachMeetingStep.CorrectOutreachMeeting(stream.FirstOrDefault()?.Data as OutreachMeetingHeld,
            command.Participants, command.ActionCards, command.Reason, clock.GetUtcNow(), context.User.ToMemberRef());
        return await session.Commit(context, decision, events => session.Events.Append(id, events), () => Results.Ok(new OutreachReceipt(id)));
    }

    private static async Task<IResult> Record(IDocumentSession session, HttpContext context, Func<Guid, MemberRef, Decision>? decide)
    {
        if (decide is null) return Problems.Invalid("The request body is missing.");
        var id = Guid.CreateVersion7();
        var decision = decide(id, context.User.ToMemberRef());
        return await session.Commit(context, decision, events => session.Events.StartStream(id, events),
            () => Results.Created(GetOutreachEndpoint.PathOf(id), new OutreachReceipt(id)));
    }
}
