using System.Diagnostics;

namespace Infohus.Benchmarks;

/// <summary>Throughput and latency of one measured run.</summary>
public sealed record Throughput(int Clients, long Operations, double PerSecond, double P50Ms, double P95Ms, double P99Ms)
{
    /// <summary>The API process's CPU time per command (warm-up included), where the API is measured: what telemetry costs shows here first.</summary>
    public double? ApiCpuMsPerOperation { get; init; }

    public static Throughput From(int clients, TimeSpan elapsed, List<long> ticks)
    {
        ticks.Sort();
        double Ms(double q) => ticks.Count == 0 ? double.NaN : ticks[Math.Min(ticks.Count - 1, (int)(q * ticks.Count))] * 1000.0 / Stopwatch.Frequency;
        return new(clients, ticks.Count, ticks.Count / elapsed.TotalSeconds, Ms(0.50), Ms(0.95), Ms(0.99));
    }
}

/// <summary>
/// K clients, each sending its next operation as soon as the last one is answered, for a fixed time
/// after a warm-up that is not counted. Every operation must succeed: a failure ends the run, so a
/// fast error can never pass for throughput.
/// </summary>
public static class ClosedLoop
{
    public static async Task<Throughput> Run(int clients, TimeSpan warmUp, TimeSpan measured, Func<int, CancellationToken, Task> operation)
    {
        var counted = new List<long>[clients];
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        using var failed = new CancellationTokenSource();

        async Task Client(int client)
        {
            var ticks = counted[client] = new List<long>(4096);
            while (!failed.IsCancellationRequested)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= end) return;
                try
                {
                    await operation(client, failed.Token);
                }
                catch
                {
                    await failed.CancelAsync();
                    throw;
                }
                var after = Stopwatch.GetTimestamp();
                if (before >= measureFrom && after <= end) ticks.Add(after - before);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => Client(c))));
        return Throughput.From(clients, measured, [.. counted.SelectMany(c => c)]);
    }

    /// <summary>One client, a fixed number of operations after a few warm-up ones: for latency alone.</summary>
    public static async Task<Throughput> Repeat(int warmUp, int count, Func<Task> operation)
    {
        for (var i = 0; i < warmUp; i++) await operation();
        var ticks = new List<long>(count);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var before = Stopwatch.GetTimestamp();
            await operation();
            ticks.Add(Stopwatch.GetTimestamp() - before);
        }
        return Throughput.From(1, Stopwatch.GetElapsedTime(started), ticks);
    }
}
