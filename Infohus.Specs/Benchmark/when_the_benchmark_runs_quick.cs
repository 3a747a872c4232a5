using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Infohus.EventStore.Hosting;
using Infohus.Specs.Support;

namespace Infohus.Specs.Benchmark;

/// <summary>
/// CI runs the benchmark's quick mode so it cannot rot: it must finish on its own durable PostgreSQL
/// and print every figure of the report. Its speed is measured and reported, never asserted.
/// </summary>
[Collection(AloneCollection.Name)]
public class when_the_benchmark_runs_quick
{
    [Fact]
    public async Task it_finishes_and_prints_every_path_beside_its_floor_on_a_durable_database()
    {
        var configuration = typeof(when_the_benchmark_runs_quick).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var root = LocalPostgres.RepositoryRoot()!;
        var output = Path.Combine(Path.GetTempPath(), $"infohus-benchmark-{Guid.NewGuid():N}.md");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        foreach (var arg in new[] { Path.Combine(root, "Infohus.Benchmarks", "bin", configuration, "net10.0", "Infohus.Benchmarks.dll"), "--quick", "--out", output })
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var printed = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(patience.Token);

        process.ExitCode.ShouldBe(0, await printed + await errors);
        var report = await File.ReadAllTextAsync(output);
        File.Delete(output);
        report.ShouldContain("fsync=on");
        report.ShouldContain("synchronous_commit=on");
        foreach (var k in new[] { 1, 8, 32 })
        foreach (var path in new[] { "(1) raw floor", "(1b) same-work floor", "(2) Marten direct", "(3) API" })
            report.ShouldMatch($@"\| {Regex.Escape(path)}[^|]*\| {k} \| \d+ \|", $"{path} at K = {k} with its commands/s");
        // The work per command, measured from outside: the same-work floor does what the API does
        // (the same rows, in one round trip), and the API's own counts are there.
        var work = new[] { "(1b) same-work floor", "(2) Marten direct", "(3) API" }.ToDictionary(path => path, path =>
        {
            var row = Regex.Match(report, $@"\| {Regex.Escape(path)} \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|");
            row.Success.ShouldBeTrue($"the work per command of {path}");
            return row.Groups.Values.Skip(1).Select(g => double.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        });
        const int Rows = 1, RoundTrips = 6;
        work["(1b) same-work floor"][RoundTrips].ShouldBe(1);
        work["(3) API"][Rows].ShouldBeInRange(5, 8, "a disclosure writes the stream, the event, its chain link, the case state, the summary and the log line");
        work["(1b) same-work floor"][Rows].ShouldBe(work["(3) API"][Rows], 1, "the floor writes the rows the API writes");
        work["(3) API"][RoundTrips].ShouldBeGreaterThan(1);
        report.ShouldContain("| read floor");
        report.ShouldContain("| rebuild of every projection");
        report.ShouldContain("audit verification (every chain and checkpoint; intact)");
        report.ShouldMatch(@"\| [5-9]\d,\d{3} \|", "the history grew past 50 000 events");
        report.ShouldContain("## Targets");
    }
}
