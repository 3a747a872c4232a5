using Alba;

namespace Infohus.Specs.Support;

/// <summary>Members who decide on the same version of a case at the same moment: one wins, the others lose.</summary>
public static class Races
{
    /// <summary>As many members as asked, each from its own token, sharing information on the case at the version they saw.</summary>
    public static Task<Answer[]> Race(this IAlbaHost host, CaseRef @case, int members) =>
        Task.WhenAll(Enumerable.Range(0, members).Select(i =>
            host.Post(@case.Url("disclosures"), Given.Disclosure(@case.Version), new Caller($"racer-{i}", Role.Member, Enum.GetValues<Department>()[i % 4]))));

    /// <summary>
    /// Races of sixteen on new cases until some were lost at commit, where Marten fills the sequence
    /// numbers the losers had taken with tombstones; returns once every tombstone is written (Marten
    /// writes them in the background), with how many there are.
    /// </summary>
    public static async Task<long> LostRaces(this InfohusApp app)
    {
        for (var round = 0; round < 2 || (await app.Tombstones() == 0 && round < 10); round++)
        {
            var @case = await app.Host.ReferralFromEmployee();
            (await app.Host.Race(@case, 16)).Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1);
            // Gap-free up to the last number the sequence handed out: a tombstone for a number taken after
            // the newest stored event would not show as a gap.
            await Waiting.Until(async () => await app.Scalar<bool>("""
                select count(*) = max(seq_id) - min(seq_id) + 1 and max(seq_id) = (select last_value from infohus.mt_events_sequence)
                from infohus.mt_events
                """), "Marten to fill every sequence number a lost commit had taken");
        }
        var tombstones = await app.Tombstones();
        tombstones.ShouldBeGreaterThan(0, "some races were lost at commit, not only at the version check");
        return tombstones;
    }

    /// <summary>Marten's tombstones in the store: one for each sequence number a failed commit had taken.</summary>
    public static Task<long> Tombstones(this InfohusApp app) =>
        app.Scalar<long>("select count(*) from infohus.mt_events where type = 'tombstone'");
}
