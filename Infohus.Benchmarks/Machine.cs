using Npgsql;

namespace Infohus.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
public sealed record Machine(int Cores, string Cpu, double MemoryGiB, string PostgreSql, string Durability)
{
    public string Summary => $"{Cores} cores ({Cpu}), {MemoryGiB:0.#} GiB, PostgreSQL {PostgreSql}; {Durability}";

    public static async Task<Machine> Describe(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string> Show(string setting)
        {
            await using var show = new NpgsqlCommand($"show {setting}", connection);
            return (string)(await show.ExecuteScalarAsync())!;
        }

        var settings = new List<string>();
        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers" })
            settings.Add($"{setting}={await Show(setting)}");
        var durability = string.Join(", ", settings);
        return new Machine(Environment.ProcessorCount, CpuModel(), TotalMemoryGiB(), await Show("server_version"), durability);
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static double TotalMemoryGiB()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0 / 1024.0;
    }
}
