using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Infohus.Api.Cases.Intake;
using Infohus.Api.Hosting;
using Infohus.Api.People;
using Infohus.EventStore.Cases;
using Infohus.EventStore.Members;

namespace Infohus.Benchmarks;

/// <summary>
/// The blind person index's cost (issue 15 point 2), through the API as deployed: N referrals about N different
/// (synthetic) persons stored through <c>POST /api/cases</c>, then <c>POST /api/people/cases</c> by CPR number and
/// by name with date of birth (found and not found), and the intake itself with and without person data, so
/// the index's share of an intake shows; last, a 10 MB document uploaded and downloaded. One client for the
/// latencies; the store runs with K clients.
/// <code>dotnet run -c Release --project Infohus.Benchmarks -- --people [N] [--out people.md]</code>
/// </summary>
public sealed class PersonLookups(ApiProcess api)
{
    private const int Clients = 8;
    private static readonly JsonSerializerOptions Json = ApiJson();

    public static async Task<int> Run(ApiProcess api, string[] args, string machine, TextWriter log, string? output)
    {
        var size = args.SkipWhile(a => a != "--people").Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault();
        if (size <= 0) size = 10_000;
        var requests = Math.Clamp(size / 10, 100, 500);
        var bench = new PersonLookups(api);
        using var http = bench.Client();

        log.WriteLine($"Storing {size:N0} referrals with a person, {Clients} clients…");
        var stored = await ClosedLoopCount(size, Clients, i => Refer(http, i));
        log.WriteLine($"Stored in {stored.TotalSeconds:N1} s ({size / stored.TotalSeconds:N0}/s).");

        var random = new Random(15);
        log.WriteLine($"Lookups, {requests} each, one client…");
        var byCpr = await ClosedLoop.Repeat(20, requests, () => LookUp(http, new LookUpPerson(CprOf(random.Next(size))), found: true));
        var byName = await ClosedLoop.Repeat(20, requests, () =>
        {
            var i = random.Next(size);
            return LookUp(http, new LookUpPerson(null, NameOf(i), BirthDateOf(i)), found: true);
        });
        var unknown = await ClosedLoop.Repeat(20, requests, () => LookUp(http, new LookUpPerson(CprOf(size + random.Next(size))), found: false));

        log.WriteLine($"Intake with and without person data, {requests} each, one client…");
        var next = size * 2;
        var without = await ClosedLoop.Repeat(20, requests, () => Refer(http, null));
        var with = await ClosedLoop.Repeat(20, requests, () => Refer(http, Interlocked.Increment(ref next)));
        var repeat = await ClosedLoop.Repeat(20, requests, () => Refer(http, random.Next(size)));

        log.WriteLine("A 10 MB document uploaded and downloaded, 20 times each, one client…");
        var (upload, download) = await Documents(http, 20);

        var report = new StringBuilder()
            .AppendLine($"## Person index (issue 15): {size:N0} cases with a person, on {machine}")
            .AppendLine()
            .AppendLine($"Stored through the API with {Clients} clients in {stored.TotalSeconds:N1} s ({size / stored.TotalSeconds:N0} referrals/s).")
            .AppendLine()
            .AppendLine("| one client, through the API | n | p50 ms | p95 ms | p99 ms |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var (what, t) in new[]
                 {
                     ("POST /api/people/cases by CPR number (found)", byCpr),
                     ("POST /api/people/cases by name + date of birth (found)", byName),
                     ("POST /api/people/cases by CPR number (not found)", unknown),
                     ("POST /api/cases without person data", without),
                     ("POST /api/cases with a new person (index written)", with),
                     ("POST /api/cases with a person referred before (index hit)", repeat),
                     ("POST /api/cases/{id}/documents, 10 MB PDF (multipart)", upload),
                     ("GET /api/cases/{id}/documents/{documentId}, 10 MB", download)
                 })
            report.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {t.Operations} | {t.P50Ms:N1} | {t.P95Ms:N1} | {t.P99Ms:N1} |");
        var markdown = report.ToString();
        log.WriteLine();
        log.WriteLine(markdown);
        if (output is not null) await File.WriteAllTextAsync(output, markdown);
        return 0;
    }

    private HttpClient Client()
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = api.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2)
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Token(Role.Member, Department.Bfu));
        http.DefaultRequestHeaders.Add("X-Purpose", "benchmark of the person index");
        return http;
    }

    /// <summary>An employee's referral, about synthetic person <paramref name="person"/> or about nobody named.</summary>
    private static async Task Refer(HttpClient http, int? person)
    {
        using var response = await http.PostAsJsonAsync("/api/cases", Referral(person), Json);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"The referral was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static ReceiveReferral Referral(int? person) =>
        new(ReferralSource.Employee, ReferralChannel.InPerson, ReferrerOrganisation.School,
            new Registration(16, Gender.Male, NationalityGroup.Danish, "hirtshals", FamilyNetwork.Strained, Attachment.School,
                IdeologyCategory.RightWing, [WarningSign.OnlineRadicalContent]),
            "A teacher is worried about a pupil's statements.",
            person is { } i ? new Person(NameOf(i), CprOf(i), "Havnevej 3, Hirtshals", "22 33 44 55") : null);

    /// <summary>A file of just under 10 MB (the limit) attached to one case again and again, then read back as often.</summary>
    private static async Task<(Throughput Upload, Throughput Download)> Documents(HttpClient http, int count)
    {
        var content = new byte[10 * 1024 * 1024 - 1024];
        new Random(15).NextBytes(content);
        "%PDF-1.7\n"u8.CopyTo(content);
        using var referral = await http.PostAsJsonAsync("/api/cases", Referral(null), Json);
        var receipt = await referral.Content.ReadFromJsonAsync<JsonElement>(Json);
        var id = receipt.GetProperty("id").GetGuid();
        var version = receipt.GetProperty("version").GetInt64();
        var documents = new List<Guid>();
        var upload = await ClosedLoop.Repeat(2, count, async () =>
        {
            using var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(version.ToString(CultureInfo.InvariantCulture)), "version" },
                { new StringContent("letter"), "kind" },
                { file, "file", "brev.pdf" }
            };
            using var response = await http.PostAsync($"/api/cases/{id}/documents", form);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"The upload was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            version = answer.GetProperty("version").GetInt64();
            documents.Add(answer.GetProperty("documentId").GetGuid());
        });
        var turn = 0;
        var download = await ClosedLoop.Repeat(2, count, async () =>
        {
            var bytes = await http.GetByteArrayAsync($"/api/cases/{id}/documents/{documents[turn++ % documents.Count]}");
            if (bytes.Length != content.Length) throw new InvalidOperationException("The document came back with another length.");
        });
        return (upload, download);
    }

    private static async Task LookUp(HttpClient http, LookUpPerson lookup, bool found)
    {
        using var response = await http.PostAsJsonAsync("/api/people/cases", lookup, Json);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The lookup was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var cases = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        if (found != cases.GetArrayLength() > 0) throw new InvalidOperationException($"The lookup found {cases.GetArrayLength()} cases; expected {(found ? "some" : "none")}.");
    }

    /// <summary>N operations spread over K clients as fast as they are answered; the time they took.</summary>
    private static async Task<TimeSpan> ClosedLoopCount(int count, int clients, Func<int, Task> operation)
    {
        var next = -1;
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next)) await operation(i);
        })));
        return started.Elapsed;
    }

    /// <summary>Person i: born on one of ten years of days from 2000, serial 4xxx (the century digit for 2000–2036).</summary>
    private static DateOnly BirthDateOf(int i) => new DateOnly(2000, 1, 1).AddDays(i % 3650);

    private static string CprOf(int i) => $"{BirthDateOf(i).ToString("ddMMyy", CultureInfo.InvariantCulture)}-{4000 + i / 3650 % 6000:D4}";

    private static string NameOf(int i) => $"Bench Person {i:D6}";

    private static JsonSerializerOptions ApiJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        InfohusHosting.ConfigureJson(json);
        return json;
    }
}
