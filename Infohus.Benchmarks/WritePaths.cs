using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Infohus.Api.Cases.Disclosing;
using Infohus.Api;
using Infohus.Api.Hosting;
using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;
using Infohus.EventStore.PersonalData;
using Marten;
using Npgsql;

namespace Infohus.Benchmarks;

/// <summary>
/// The three ways one durable write is made, on the same kind of work: a §115 disclosure appended
/// to an open case. Each client owns its own cases, so no run measures conflicts.
/// </summary>
public sealed class WritePaths(IDocumentStore store, PersonalDataProtection protection, ApiProcess api, string connectionString)
{
    private const int CasesPerClient = 32;
    private static readonly MemberRef Member = new("bench-bfu", Role.Member, Department.Bfu);
    private static readonly JsonSerializerOptions Json = ApiJson();

    /// <summary>(1) Npgsql: one single-row INSERT of the stored form of a disclosure, committed, on a held connection.</summary>
    public async Task<Throughput> RawFloor(int clients, TimeSpan warmUp, TimeSpan measured)
    {
        var payload = store.Options.Serializer().ToJson(new InformationDisclosed(Guid.CreateVersion7(), Guid.CreateVersion7(),
            SyntheticCases.School, SyntheticCases.Ssp, SyntheticCases.Categories,
            protection.NewKey(Guid.CreateVersion7(), DateTimeOffset.UtcNow).Cipher.Seal(SyntheticCases.Necessity)!, DateTimeOffset.UtcNow, Member));
        await using (var connection = await Open())
        await using (var create = new NpgsqlCommand("""
            create table if not exists public.bench_raw_floor (
                id bigserial primary key, stream_id uuid not null, version bigint not null, data jsonb not null,
                created_at timestamptz not null default now())
            """, connection))
            await create.ExecuteNonQueryAsync();

        var connections = new NpgsqlConnection[clients];
        for (var c = 0; c < clients; c++) connections[c] = await Open();
        var versions = new long[clients];
        var streams = Enumerable.Range(0, clients).Select(_ => Guid.CreateVersion7()).ToArray();
        try
        {
            return await ClosedLoop.Run(clients, warmUp, measured, async (client, cancellation) =>
            {
                await using var insert = new NpgsqlCommand(
                    "insert into public.bench_raw_floor (stream_id, version, data) values (@stream, @version, @data::jsonb)", connections[client]);
                insert.Parameters.AddWithValue("stream", streams[client]);
                insert.Parameters.AddWithValue("version", ++versions[client]);
                insert.Parameters.AddWithValue("data", payload);
                await insert.ExecuteNonQueryAsync(cancellation);
            });
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    /// <summary>(2) Marten: the API's write path without HTTP: fetch for writing with the case key, check the version, decide, append, commit.</summary>
    public async Task<Throughput> MartenDirect(int clients, TimeSpan warmUp, TimeSpan measured, Counting? counting = null)
    {
        var cases = await OpenCases(clients);
        if (counting is not null) await counting.Ready();
        return await ClosedLoop.Run(clients, warmUp, measured, async (client, cancellation) =>
        {
            var (id, version) = cases.Next(client);
            await using var session = store.LightweightSession();
            await session.BeginTransactionAsync(cancellation); // as StreamWrites does: one connection for the whole step
            var batch = session.FetchCaseForWriting(id, out var fetching, out var loadingKey);
            await batch.Execute(cancellation);
            var stream = await fetching;
            if (stream.CurrentVersion != version) throw new InvalidOperationException("The benchmark lost track of a case version.");
            var cipher = protection.Open(await loadingKey)!;
            var decision = stream.Aggregate!.Disclose(Guid.CreateVersion7(), SyntheticCases.School, SyntheticCases.Ssp,
                SyntheticCases.Categories, cipher.Seal(SyntheticCases.Necessity), DateTimeOffset.UtcNow, Member);
            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellation);
            cases.Advance(client, version + decision.Events.Count);
            counting?.Counted();
        });
    }

    /// <summary>A case the API has made a disclosure on (the same-work floor copies its rows).</summary>
    public Guid LastDisclosedCase { get; private set; }

    /// <summary>(3) The API: POST /api/cases/{id}/disclosures over loopback HTTP with a member's token.</summary>
    public async Task<Throughput> Api(int clients, TimeSpan warmUp, TimeSpan measured, Counting? counting = null)
    {
        var cases = await OpenCases(clients);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = api.BaseAddress
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Token(Role.Member, Department.Bfu));
        if (counting is not null) await counting.Ready();
        long sent = 0;
        var cpuBefore = api.CpuTime;
        var result = await ClosedLoop.Run(clients, warmUp, measured, async (client, cancellation) =>
        {
            var (id, version) = cases.Next(client);
            using var response = await http.PostAsJsonAsync($"/api/cases/{id}/disclosures",
                new DiscloseInformation(version, SyntheticCases.School, SyntheticCases.Ssp, SyntheticCases.Categories, SyntheticCases.Necessity),
                Json, cancellation);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"The API answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellation)}");
            var receipt = await response.Content.ReadFromJsonAsync<DisclosureReceipt>(Json, cancellation);
            cases.Advance(client, receipt!.Version);
            LastDisclosedCase = id;
            Interlocked.Increment(ref sent);
            counting?.Counted();
        });
        return result with { ApiCpuMsPerOperation = (api.CpuTime - cpuBefore).TotalMilliseconds / Math.Max(1, sent) };
    }

    /// <summary>Fresh open cases for one run, a few per client, and the version each is at.</summary>
    private async Task<ClientCases> OpenCases(int clients)
    {
        var made = new SyntheticCases(protection, DateTimeOffset.UtcNow, seed: clients);
        var cases = Enumerable.Range(0, clients * CasesPerClient).Select(_ => made.Working()).ToList();
        await SyntheticCases.Store(store, cases, CancellationToken.None);
        return new ClientCases(clients, [.. cases.Select(c => (c.Id, (long)c.Events.Count))]);
    }

    private async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static JsonSerializerOptions ApiJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        InfohusHosting.ConfigureJson(json);
        return json;
    }

    /// <summary>Client c owns cases c, c + K, c + 2K…, and takes them in turn.</summary>
    private sealed class ClientCases(int clients, (Guid Id, long Version)[] cases)
    {
        private readonly int[] _turn = new int[clients];

        public (Guid Id, long Version) Next(int client) => cases[client + clients * (_turn[client] % CasesPerClient)];

        public void Advance(int client, long version)
        {
            var index = client + clients * (_turn[client] % CasesPerClient);
            cases[index] = (cases[index].Id, version);
            _turn[client]++;
        }
    }
}
