using System.Collections.Concurrent;
using Alba;
using Infohus.EventStore.Hosting;
using Infohus.Projections;
using Infohus.Projections.Register;
using JasperFx;
using Marten;
using Npgsql;

namespace Infohus.Specs.Support;

/// <summary>Members who decide on the same version of a case at the same moment: one wins, the others lose.</summary>
public static class Races
{
    /// <summary>As many members as asked, each from its own token, sharing information on the case at the version they saw.</summary>
    public static Task<Answer[]> Race(this IAlbaHost host, CaseRef @case, int members) =>
        Task.WhenAll(Enumerable.Range(0, members).Select(i =>
            host.Post(@case.Url("disclosures"), Given.Disclosure(@case.Version), new Caller($"racer-{i}", Role.Member, Enum.GetValues<Department>()[i % 4]))));

    /// <summary>
    /// A race decided at commit: the stream's row is held locked while <paramref name="race"/> starts,
    /// until <paramref name="members"/> appends wait for it inside <c>mt_quick_append_events</c> (each has
    /// read the stream and passed the version check the API makes itself); then they are let go, one
    /// commits and every other fails on the version the database checks under the lock.
    /// </summary>
    public static async Task<T> AtCommit<T>(string connectionString, Guid stream, int members, Func<Task<T>> race)
    {
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"select 1 from infohus.mt_streams where id = '{stream}' for update", holder, holding))
            (await lockRow.ExecuteScalarAsync()).ShouldBe(1);
        var racing = race();
        await Waiting.Until(async () =>
        {
            // A connection of its own: a transaction sees pg_stat_activity as it was at its first look.
            await using var watcher = new NpgsqlConnection(connectionString);
            await watcher.OpenAsync();
            await using var waiting = new NpgsqlCommand("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and query like '%mt_quick_append_events%'
                """, watcher);
            return (long)(await waiting.ExecuteScalarAsync())! >= members || racing.IsCompleted;
        }, $"{members} appends to wait for the stream at commit");
        racing.IsCompleted.ShouldBeFalse("every append waits for the stream's row at commit");
        await holding.CommitAsync();
        return await racing;
    }

    /// <summary>
    /// Marten's tombstones as a store written before the switch to Quick appends left them: sixteen
    /// sessions of a store configured like ours but appending Rich (sequence numbers reserved in a
    /// round trip before the write) load a new case for writing, then commit together on the version
    /// they read; the fifteen that lose have their reserved numbers filled with tombstones, written in
    /// the background. Returns once every tombstone is written, with how many the store holds.
    /// </summary>
    public static async Task<long> LostRaces(this InfohusApp app)
    {
        var before = await app.Tombstones();
        var @case = await app.Host.ReferralFromEmployee();
        var store = RichStores.GetOrAdd(app.ConnectionString, RichStore);
        var sessions = Enumerable.Range(0, 16).Select(_ => store.LightweightSession()).ToList();
        try
        {
            var member = new MemberRef("racer", Role.Member, Department.Bfu);
            foreach (var session in sessions)
            {
                var stream = await session.Events.FetchForWriting<Case>(@case.Id);
                stream.CurrentVersion.ShouldBe(@case.Version);
                stream.AppendOne(new NearestManagerInformed(@case.Id, DateTimeOffset.UtcNow, member));
            }
            var commits = await Task.WhenAll(sessions.Select(async session =>
            {
                try { await session.SaveChangesAsync(); return true; }
                catch (ConcurrencyException) { return false; }
            }));
            commits.Count(won => won).ShouldBe(1);
        }
        finally
        {
            foreach (var session in sessions) await session.DisposeAsync();
        }
        // One tombstone for each loser's reserved number, however late Marten writes it.
        await Waiting.Until(async () => await app.Tombstones() >= before + 15, "Marten to fill the sequence number each lost commit had taken");
        var tombstones = await app.Tombstones();
        tombstones.ShouldBe(before + 15);
        return tombstones;
    }

    /// <summary>Marten's tombstones in the store: one for each sequence number a failed Rich commit had taken.</summary>
    public static Task<long> Tombstones(this InfohusApp app) =>
        app.Scalar<long>("select count(*) from infohus.mt_events where type = 'tombstone'");

    private static readonly ConcurrentDictionary<string, DocumentStore> RichStores = new();

    /// <summary>Our event store and projections as before the switch, appending Rich; it leaves the schema as the API made it.</summary>
    private static DocumentStore RichStore(string connectionString) => DocumentStore.For(opts =>
    {
        opts.ConfigureInfohusEventStore(connectionString).AddInfohusProjections(new RegisterSettings());
        opts.Events.AppendMode = JasperFx.Events.EventAppendMode.Rich;
        opts.AutoCreateSchemaObjects = AutoCreate.None;
    });
}
