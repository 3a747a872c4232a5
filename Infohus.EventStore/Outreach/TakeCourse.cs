using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.EventStore.Outreach;

/// <summary>A member's course (§3.3); it starts its own stream.</summary>
public static class TakeCourseStep
{
    public static Decision TakeCourse(Guid id, DateOnly date, string course, CourseProvider provider, MemberRef actor)
    {
        if (OutreachRules.OnlyMembers(actor) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(course)) return Refusal.Invalid("Name the course.");
        return Decision.Accept(new CourseTaken(id, date, actor.Department, course.Trim(), provider, actor));
    }
}
