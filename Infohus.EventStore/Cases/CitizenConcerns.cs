using Infohus.EventStore.Members;

namespace Infohus.EventStore.Cases;

/// <summary>
/// The member handling a citizen's concern guided the citizen (§4.2.2 II): to the police on 114 when
/// illegal acts are suspected, to 112 when it is acute, to the national hotline for advice. It is a
/// citizen's answer, where an employee gets feedback (§4.2.2 I).
/// </summary>
public sealed record CitizenGuided(Guid CaseId, IReadOnlyList<CitizenGuidance> Guidance, DateTimeOffset GuidedAt, MemberRef GuidedBy) : ICaseEvent { DateTimeOffset ICaseEvent.OccurredAt => GuidedAt; MemberRef? ICaseEvent.Actor => GuidedBy; }

/// <summary>
/// A citizen's concern that waited in the coordinator's triage, routed by age once the age became
/// known (§4.2.2 II a/b).
/// </summary>
public sealed record CitizenReferralRerouted(
    Guid CaseId,
    CitizenRoute Route,
    Department ResponsibleDepartment,
    DateTimeOffset RoutedAt,
    MemberRef RoutedBy) : ICaseEvent
{
    DateTimeOffset ICaseEvent.OccurredAt => RoutedAt;
    MemberRef? ICaseEvent.Actor => RoutedBy;

    public string? AssignedMember() => CitizenConcerns.Assignee(Route, ResponsibleDepartment, RoutedBy);
}

/// <summary>
/// §4.2.2 II, a concern brought by a citizen: never refused, handled by the SSP consultant (under 18) or
/// the police representative (18 and over), and answered by guiding the citizen. The case then closes
/// with that guidance, or goes on to an assessment and its course like any other case.
/// </summary>
public static class CitizenConcerns
{
    /// <summary>§4.2.2 II: a citizen under 18 is handled by the SSP consultant, 18 or over by the police.</summary>
    public const int AgeOfMajority = 18;

    /// <summary>Who handles the concern by the person's age; without an age the SSP consultant (the coordinator) triages it.</summary>
    public static (CitizenRoute Route, Department Department) RouteFor(int? age) => age switch
    {
        null => (CitizenRoute.CoordinatorTriage, Department.Bfu),
        < AgeOfMajority => (CitizenRoute.SspConsultant, Department.Bfu),
        _ => (CitizenRoute.PoliceRepresentative, Department.Police)
    };

    /// <summary>
    /// The member who routed the concern keeps it when they handle that route: the coordinator a triage,
    /// a member of the responsible department the others. Otherwise it waits there, unassigned.
    /// </summary>
    public static string? Assignee(CitizenRoute route, Department department, MemberRef by) => route == CitizenRoute.CoordinatorTriage
        ? (by.Role == Role.Coordinator ? by.UserId : null)
        : (by.Department == department ? by.UserId : null);

    /// <summary>
    /// §4.2.2 II: a citizen's concern waiting in the coordinator's triage is routed by age as soon as the
    /// age is known. A concern already routed by age stays with the member handling it when the age is
    /// corrected: that member took it on, and brings the citizen in contact with the other one if needed.
    /// A redirected concern was passed on to another body (§4.2.2); no one in the Infohus takes it on.
    /// </summary>
    public static CitizenReferralRerouted? RoutingFollows(this Case state, int? age, DateTimeOffset at, MemberRef actor)
    {
        if (state.Route != CitizenRoute.CoordinatorTriage || age is null || state.RedirectedTo is not null) return null;
        var (route, department) = RouteFor(age);
        return new CitizenReferralRerouted(state.Id, route, department, at, actor);
    }
}
