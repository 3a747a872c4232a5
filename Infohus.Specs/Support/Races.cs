using Alba;

namespace Infohus.Specs.Support;

/// <summary>Members who decide on the same version of a case at the same moment: one wins, the others lose.</summary>
public static class Races
{
    /// <summary>As many members as asked, each from its own token, sharing information on the case at the version they saw.</summary>
    public static Task<Answer[]> Race(this IAlbaHost host, CaseRef @case, int members) =>
        Task.WhenAll(Enumerable.Range(0, members).Select(i =>
            host.Post(@case.Url("disclosures"), Given.Disclosure(@case.Version), new Caller($"racer-{i}", Role.Member, Enum.GetValues<Department>()[i % 4]))));

    /// <summary>Marten's tombstones in the store: one for each sequence number a failed commit had taken.</summary>
    public static Task<long> Tombstones(this InfohusApp app) =>
        app.Scalar<long>("select count(*) from infohus.mt_events where type = 'tombstone'");
}
