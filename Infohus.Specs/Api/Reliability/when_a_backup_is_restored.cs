using System.Diagnostics;
using Infohus.EventStore.Audit;
using Infohus.EventStore.Hosting;
using Infohus.Projections;
using Infohus.Projections.Register;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Npgsql;

namespace Infohus.Specs.Api.Reliability;

/// <summary>
/// The README's procedure: pg_dump of the database, pg_restore into a new one, every projection
/// rebuilt there from the events; the read models and the audit chain must come out the same.
/// </summary>
public class when_a_backup_is_restored(InfohusApp app) : ApiSpec(app)
{
    [Fact]
    public async Task the_restored_database_rebuilds_to_the_same_read_models_with_an_intact_audit_chain()
    {
        await Host.Seed(60, seed: 5, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var disclosed = await Host.AssessedReferral(PreventionTier.Specific);
        await Host.Step(disclosed, "disclosures", new Infohus.Api.Cases.Disclosing.DiscloseInformation(disclosed.Version,
            new Recipient(RecipientType.School, "Sindal Skole", "Skoleleder"), new LegalBasis(Cooperation.Ssp, Provision.Stk2, DisclosurePurpose.CrimePrevention),
            [DataCategory.SchoolOrEducation], "The school must know to support the pupil."));
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        string checkpoint;
        await using (var live = new NpgsqlConnection(App.ConnectionString))
        {
            await live.OpenAsync();
            await using var max = new NpgsqlCommand("select max(seq_id) from infohus.mt_events", live);
            checkpoint = (await AuditChain.CheckpointAsync(live, (long)(await max.ExecuteScalarAsync())!, CancellationToken.None))!;
        }
        var expected = await ReadModels(App.ConnectionString);

        var restored = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Database = $"infohus_restore_{Guid.NewGuid():N}" };
        var dump = Path.Combine(Path.GetTempPath(), $"{restored.Database}.dump");
        try
        {
            await Tool("pg_dump", "--format=custom", $"--file={dump}", Url(App.ConnectionString));
            await Admin($"create database {restored.Database}");
            await Tool("pg_restore", "--no-owner", $"--dbname={Url(restored.ConnectionString)}", dump);

            using var store = DocumentStore.For(opts =>
                opts.ConfigureInfohusEventStore(restored.ConnectionString).AddInfohusProjections(new RegisterSettings()));
            await store.RebuildAllProjections(TimeSpan.FromSeconds(60), CancellationToken.None);

            var rebuilt = await ReadModels(restored.ConnectionString);
            foreach (var (name, rows) in expected)
            {
                rows.Count.ShouldBeGreaterThan(0, name);
                rebuilt[name].ShouldBe(rows, $"{name} after restore and rebuild");
            }

            await using var connection = new NpgsqlConnection(restored.ConnectionString);
            await connection.OpenAsync();
            var verification = await AuditChain.VerifyAsync(connection, CancellationToken.None);
            verification.Intact.ShouldBeTrue(verification.FirstBreak?.Problem);
            verification.Events.ShouldBe(await Host.StoredEventCount());
            verification.LatestCheckpointHash.ShouldBe(checkpoint);
        }
        finally
        {
            File.Delete(dump);
            await Admin($"drop database if exists {restored.Database} with (force)");
        }
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> ReadModels(string connectionString)
    {
        using var store = DocumentStore.For(opts =>
            opts.ConfigureInfohusEventStore(connectionString).AddInfohusProjections(new RegisterSettings()));
        await using var session = store.QuerySession();
        return await ReadModelRows.Of(session);
    }

    private async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(App.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Url(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(c.Password) ? "" : $":{Uri.EscapeDataString(c.Password)}";
        return $"postgresql://{Uri.EscapeDataString(c.Username ?? "postgres")}{password}@{c.Host}:{c.Port}/{c.Database}";
    }

    private static async Task Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(LocalPostgres.Tool(name)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{name}: {await errors}");
    }
}
