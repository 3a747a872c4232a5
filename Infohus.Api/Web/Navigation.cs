using System.Security.Claims;
using Infohus.EventStore.Members;

namespace Infohus.Api.Web;

/// <summary>One entry in the main menu.</summary>
public sealed record MenuItem(string Text, string Path);

/// <summary>
/// Each role's own section of the front end: members and the coordinator work on cases, the steering
/// group reads the register (never a case), legal reviews the logs (no case reads), auditors verify.
/// </summary>
public static class Navigation
{
    public static Role? RoleOf(ClaimsPrincipal user) => user.KnownRole();

    public static IReadOnlyList<MenuItem> For(ClaimsPrincipal user) => RoleOf(user) switch
    {
        Role.Member => [new("Indbakke", "/"), new("Ny henvendelse", "/henvendelser/ny"), new("Møder", "/moeder"), new("Oplysning og sparring", "/oplysning")],
        Role.Coordinator =>
        [
            new("Indbakke", "/"), new("Ny henvendelse", "/henvendelser/ny"), new("Møder", "/moeder"), new("Oplysning og sparring", "/oplysning"),
            new("Halvårsrapport", "/styregruppe"), new("Statistik", "/styregruppe/statistik")
        ],
        Role.Steering => [new("Halvårsrapport", "/styregruppe"), new("Statistik", "/styregruppe/statistik")],
        Role.Legal => [new("Jura", "/jura")],
        Role.Auditor => [new("Revision", "/revision")],
        _ => []
    };

    /// <summary>Where a role lands after signing in: its first menu entry.</summary>
    public static string Home(ClaimsPrincipal user) => For(user) is [var first, ..] ? first.Path : "/";
}
