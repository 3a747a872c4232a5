using Infohus.EventStore.Meetings;
using Infohus.EventStore.Members;

namespace Infohus.Api.Meetings;

public sealed record CallMeeting(MeetingKind Kind, DateOnly Date, IReadOnlyList<Department> Attendees);

public sealed record MeetingReceipt(Guid Id);

public static class CallMeetingEndpoint
{
    [WolverinePost("/api/meetings"), Authorize(Policy = Policies.CaseWork)]
    public static async Task<IResult> Post(CallMeeting? command, IDocumentSession session, HttpContext context)
    {
        if (command is null) return Problems.Invalid("The request body is missing.");
        var meetingId = Guid.CreateVersion7();
        var decision = CallMeetingStep.CallMeeting(meetingId, command.Kind, command.Date, command.Attendees, context.User.ToMemberRef());
        return await session.Commit(context, decision, events => session.Events.StartStream<Meeting>(meetingId, events),
            () => Results.Created($"/api/meetings/{meetingId}/agenda", new MeetingReceipt(meetingId)));
    }
}
