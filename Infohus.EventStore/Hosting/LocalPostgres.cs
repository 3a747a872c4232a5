using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Infohus.EventStore.Hosting;

/// <summary>
/// A PostgreSQL server for development and specs, started from the machine's own binaries in a
/// git-ignored folder of the repository (<c>.local/postgres</c>) when no connection string is given,
/// and reused by the next run. As root it runs the server as the <c>postgres</c> OS user, because
/// PostgreSQL refuses to run as root. Never touches the machine's own clusters.
/// </summary>
public static class LocalPostgres
{
    private const string ServerUser = "postgres";

    /// <summary>
    /// Starts the server if it is not running, creates the database if missing, returns its connection
    /// string. The development server trades durability for speed; a <paramref name="durable"/> one
    /// (the benchmark's) runs with PostgreSQL's own durable defaults in a cluster of its own. A named
    /// <paramref name="server"/> is a cluster of its own too (a spec that stops its server uses one).
    /// </summary>
    public static string EnsureDatabase(string database, TextWriter log, bool durable = false, string? server = null)
    {
        var folder = ServerFolder(server ?? (durable ? "postgres-durable" : "postgres"));
        Directory.CreateDirectory(folder);
        using var _ = Lock(Path.Combine(folder, ".lock"));

        var bin = FindBinaries(log);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["-R", $"{ServerUser}:{ServerUser}", folder]);

        var data = Path.Combine(folder, "data");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            log.WriteLine($"Creating a local PostgreSQL cluster in {data}");
            RunServerTool(bin, asRoot, "initdb", ["-D", data, "-U", ServerUser, "--auth=trust", "-E", "UTF8", "--no-locale"]);
        }

        var portFile = Path.Combine(folder, "port");
        var port = File.Exists(portFile) ? int.Parse(File.ReadAllText(portFile).Trim()) : FreePort();
        if (!IsRunning(bin, asRoot, data))
        {
            if (!PortIsFree(port)) port = FreePort();
            log.WriteLine($"Starting the local PostgreSQL on 127.0.0.1:{port}");
            // Development and spec data only: durability is traded for speed (production uses ConnectionStrings__Infohus).
            var speed = durable ? "-c fsync=on -c synchronous_commit=on -c full_page_writes=on" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 {speed} -c max_connections=200";
            RunServerTool(bin, asRoot, "pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(folder, "server.log"), "-o", settings]);
            File.WriteAllText(portFile, port.ToString());
        }

        var address = $"Host=127.0.0.1;Port={port};Username={ServerUser}";
        CreateDatabaseIfMissing(address, database);
        return $"{address};Database={database}";
    }

    /// <summary>
    /// Stops a named local server: <c>immediate</c> kills it as a crash would (recovery on the next
    /// start), <c>fast</c> shuts it down cleanly. <see cref="EnsureDatabase"/> starts it again on the same port.
    /// </summary>
    public static void Stop(string server, string mode = "fast")
    {
        var folder = ServerFolder(server);
        var data = Path.Combine(folder, "data");
        if (!File.Exists(Path.Combine(data, "PG_VERSION"))) return;
        var bin = FindBinaries(TextWriter.Null);
        var asRoot = Environment.UserName == "root";
        if (IsRunning(bin, asRoot, data)) RunServerTool(bin, asRoot, "pg_ctl", ["stop", "-D", data, "-m", mode, "-w"]);
    }

    /// <summary>The repository's <c>.local/{name}</c>, or a folder under /var/tmp when the postgres user cannot reach it.</summary>
    private static string ServerFolder(string name)
    {
        var root = RepositoryRoot() ?? Directory.GetCurrentDirectory();
        var folder = Path.Combine(root, ".local", name);
        if (Environment.UserName != "root") return folder;

        // The postgres user must be able to walk down to the folder (a checkout under /root is not).
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var reachable = Run("runuser", ["-u", ServerUser, "--", "test", "-x", parent]).ExitCode == 0;
        return reachable
            ? folder
            : Path.Combine("/var/tmp", $"infohus-{name}-{StableHash(root)}");
    }

    /// <summary>The same folder name in every process (string.GetHashCode differs from run to run).</summary>
    private static string StableHash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..8];

    /// <summary>The checkout this code runs from (the folder with Infohus.sln), looked for from the working directory and the build output.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Infohus.sln"))) return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>The path of one of the installed PostgreSQL tools (pg_dump, pg_restore…), or its bare name for PATH to find.</summary>
    public static string Tool(string name) =>
        FindBinaries(TextWriter.Null, installWhenMissing: false) is { } bin && File.Exists(Path.Combine(bin, name)) ? Path.Combine(bin, name) : name;

    private static string FindBinaries(TextWriter log) =>
        FindBinaries(log, installWhenMissing: true) ?? throw new InvalidOperationException("PostgreSQL was installed but its binaries were not found.");

    private static string? FindBinaries(TextWriter log, bool installWhenMissing)
    {
        var bin = Installed();
        if (bin is not null || !installWhenMissing) return bin;

        const string install = "apt-get update && apt-get install -y postgresql";
        if (Environment.UserName != "root")
            throw new InvalidOperationException($"PostgreSQL is not installed. Install it with: sudo sh -c '{install}' (or set ConnectionStrings__Infohus).");

        log.WriteLine($"PostgreSQL is not installed; running: {install}");
        var update = Run("apt-get", ["update"]);
        var result = Run("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"],
            ("DEBIAN_FRONTEND", "noninteractive"));
        if (update.ExitCode != 0 || result.ExitCode != 0)
            throw new InvalidOperationException($"Installing PostgreSQL failed: {result.Output}");
        return Installed();

        static string? Installed()
        {
            var configured = Environment.GetEnvironmentVariable("INFOHUS_PG_BIN");
            if (!string.IsNullOrEmpty(configured)) return configured;
            const string root = "/usr/lib/postgresql";
            if (!Directory.Exists(root)) return null;
            return Directory.GetDirectories(root)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "pg_ctl")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var v) ? v : 0)
                .FirstOrDefault();
        }
    }

    private static bool IsRunning(string bin, bool asRoot, string data) =>
        ServerTool(bin, asRoot, "pg_ctl", ["status", "-D", data]).ExitCode == 0;

    private static void RunServerTool(string bin, bool asRoot, string tool, string[] args)
    {
        var result = ServerTool(bin, asRoot, tool, args);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({result.ExitCode}): {result.Output}");
    }

    private static (int ExitCode, string Output) ServerTool(string bin, bool asRoot, string tool, string[] args) => asRoot
        ? Run("runuser", ["-u", ServerUser, "--", Path.Combine(bin, tool), .. args])
        : Run(Path.Combine(bin, tool), args);

    private static (int ExitCode, string Output) Run(string file, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/"
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    private static void CreateDatabaseIfMissing(string server, string database)
    {
        using var connection = new NpgsqlConnection($"{server};Database=postgres");
        connection.Open();
        using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "")}\"", connection);
        create.ExecuteNonQuery();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The API and the specs may start at the same moment: one of them sets the server up.</summary>
    private static FileStream Lock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
