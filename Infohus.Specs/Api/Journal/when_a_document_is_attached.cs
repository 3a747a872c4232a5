using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Infohus.Api.Cases.Erasing;
using Infohus.EventStore.Hosting;
using Infohus.Specs.Api.PersonalData;
using Npgsql;
using Xunit.Abstractions;

namespace Infohus.Specs.Api.Journal;

public class when_a_document_is_attached(InfohusApp app, ITestOutputHelper output) : ApiSpec(app)
{
    private const string Marker = "MARKER-Birthe-Madsen-7731";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Title ({Marker}) >> endobj\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(Marker)];
    private static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0x00, .. Encoding.ASCII.GetBytes(Marker)];

    private static byte[] Docx()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", $"<w:document>{Marker}</w:document>") })
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return zip.ToArray();
    }

    private static MultipartFormDataContent Form(long version, byte[] content, string fileName, string kind = "interview-form")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent
        {
            { new StringContent(version.ToString()), "version" },
            { new StringContent(kind), "kind" },
            { file, "file", fileName }
        };
    }

    private async Task<(CaseRef Case, Guid DocumentId)> Attach(byte[] content, string fileName)
    {
        var @case = await Host.ReferralFromEmployee();
        var answer = await Host.Upload(@case.Url("documents"), Form(@case.Version, content, fileName), Caller.BfuMember);
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        return (@case with { Version = answer.Body!["version"]!.GetValue<long>() }, answer.Body!["documentId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task a_pdf_a_png_and_a_word_document_are_accepted_and_typed_by_their_content()
    {
        foreach (var (content, name, type) in new[]
        {
            (Pdf, "samtale.bin", "application/pdf"),
            (Png, "photo", "image/png"),
            (Docx(), "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        })
        {
            var (@case, documentId) = await Attach(content, name);
            var attached = (await Host.StoredEvents(@case.Id)).Last().Data.ShouldBeOfType<DocumentAttached>();
            attached.MediaType.ShouldBe(type);
            attached.Size.ShouldBe(content.Length);
            attached.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));

            var download = await Host.Download(@case.Url($"documents/{documentId}"), Caller.BfuMember);
            download.Status.ShouldBe(HttpStatusCode.OK);
            download.Content.ShouldBe(content);
            download.Headers.ContentType.ToString().ShouldBe(type);
            download.Headers.CacheControl.ToString().ShouldBe("no-store");
            download.Headers.ContentDisposition.ToString().ShouldStartWith("attachment");
            download.Headers.ContentDisposition.ToString().ShouldContain(name);
        }
    }

    [Fact]
    public async Task a_program_named_pdf_an_unknown_zip_and_a_file_past_10_mb_are_refused_and_store_nothing()
    {
        var @case = await Host.ReferralFromEmployee();
        var notOffice = new MemoryStream();
        using (var archive = new ZipArchive(notOffice, ZipArchiveMode.Create, leaveOpen: true)) archive.CreateEntry("readme.txt");

        (await Host.Upload(@case.Url("documents"), Form(@case.Version, Exe, "report.pdf"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await Host.Upload(@case.Url("documents"), Form(@case.Version, notOffice.ToArray(), "plan.docx"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var tooLarge = new byte[AttachDocumentStep.MaxBytes + 1];
        Pdf.CopyTo(tooLarge, 0);
        (await Host.Upload(@case.Url("documents"), Form(@case.Version, tooLarge, "big.pdf"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Host.Upload(@case.Url("documents"), Form(@case.Version, Pdf, "x.pdf", kind: "gossip"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Upload(@case.Url("documents"), Form(@case.Version, Pdf, "x.pdf"), Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);

        (await Host.StoredVersion(@case.Id)).ShouldBe(@case.Version);
        (await DocumentRows()).ShouldBe(0);
    }

    [Fact]
    public async Task a_10_mb_file_goes_up_and_comes_back_byte_for_byte_with_its_hash()
    {
        var content = new byte[AttachDocumentStep.MaxBytes];
        new Random(15).NextBytes(content);
        Pdf.CopyTo(content, 0);
        // A first small round trip, so the times measure the 10 MB and not the endpoints' first use.
        var (warm, warmId) = await Attach(Pdf, "warm.pdf");
        await Host.Download(warm.Url($"documents/{warmId}"), Caller.BfuMember);
        var @case = await Host.ReferralFromEmployee();

        var up = Stopwatch.StartNew();
        var answer = await Host.Upload(@case.Url("documents"), Form(@case.Version, content, "large.pdf"), Caller.BfuMember);
        up.Stop();
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        var documentId = answer.Body!["documentId"]!.GetValue<Guid>();
        var down = Stopwatch.StartNew();
        var download = await Host.Download(@case.Url($"documents/{documentId}"), Caller.BfuMember);
        down.Stop();
        output.WriteLine($"10 MB upload {up.ElapsedMilliseconds} ms, download {down.ElapsedMilliseconds} ms");

        download.Content.ShouldBe(content);
        var attached = (await Host.StoredEvents(@case.Id)).Last().Data.ShouldBeOfType<DocumentAttached>();
        attached.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(download.Content)));
        attached.Size.ShouldBe(AttachDocumentStep.MaxBytes);
    }

    [Fact]
    public async Task a_download_needs_a_purpose_and_is_access_logged()
    {
        var (@case, documentId) = await Attach(Pdf, "samtale.pdf");

        (await Host.Download(@case.Url($"documents/{documentId}"), Caller.BfuMember, purpose: null)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Host.Download(@case.Url($"documents/{documentId}"), Caller.Steering)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.Download(@case.Url($"documents/{Guid.NewGuid()}"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Host.Download(@case.Url($"documents/{documentId}"), Caller.PoliceMember, "preparing the crisis team")).Status.ShouldBe(HttpStatusCode.OK);

        var entries = (await Host.Get($"/api/access-log?caseId={@case.Id}", Caller.Legal)).Body!["items"]!.AsArray();
        entries.Select(e => (e!["userId"]!.GetValue<string>(), e["endpoint"]!.GetValue<string>(), e["purpose"]!.GetValue<string>()))
            .ShouldContain(("police-member", "GET /api/cases/{id}/documents/{documentId}", "preparing the crisis team"));
    }

    [Fact]
    public async Task no_table_holds_the_content_or_the_file_name_in_clear()
    {
        var (@case, _) = await Attach(Docx(), $"{Marker}.docx");
        await Attach(Pdf, "samtale.pdf");

        (await DocumentRows()).ShouldBe(2);
        (await when_a_case_holds_personal_data.RowsContaining(App.ConnectionString, Marker)).ShouldBeEmpty();
        // A bytea reads as hex in a row's text: the marker in clear would show as its hex.
        (await when_a_case_holds_personal_data.RowsContaining(App.ConnectionString, Convert.ToHexStringLower(Encoding.ASCII.GetBytes(Marker)))).ShouldBeEmpty();
        (await when_a_case_holds_personal_data.RowsContaining(App.ConnectionString, @case.Id.ToString())).ShouldContain("infohus.case_document");
    }

    [Fact]
    public async Task a_pg_dump_holds_neither_the_content_nor_the_file_name_in_clear()
    {
        await Attach(Docx(), $"{Marker}.docx");
        await Attach(Pdf, "samtale.pdf");

        var c = new NpgsqlConnectionStringBuilder(App.ConnectionString);
        var password = string.IsNullOrEmpty(c.Password) ? "" : $":{Uri.EscapeDataString(c.Password)}";
        var start = new ProcessStartInfo(LocalPostgres.Tool("pg_dump")) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--format=plain", $"postgresql://{Uri.EscapeDataString(c.Username ?? "postgres")}{password}@{c.Host}:{c.Port}/{c.Database}" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var dump = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await errors);

        dump.ShouldContain("case_document");
        dump.ShouldNotContain(Marker);
        dump.ShouldNotContain(Convert.ToHexStringLower(Encoding.ASCII.GetBytes(Marker)));
    }

    [Fact]
    public async Task after_erasure_the_content_is_gone_and_a_download_is_410()
    {
        var (@case, documentId) = await Attach(Pdf, "samtale.pdf");
        await Host.Step(@case, "erasure", new ErasePersonalData(@case.Version, ErasureReason.DataSubjectRequest), Caller.Legal);

        (await DocumentRows()).ShouldBe(0);
        (await Host.Download(@case.Url($"documents/{documentId}"), Caller.BfuMember)).Status.ShouldBe(HttpStatusCode.Gone);
        var line = (await Host.Get(@case.Url("timeline"), Caller.Auditor)).Body!.AsArray().Single(l => l!["kind"]!.GetValue<string>() == "document_attached")!;
        line["text"]!.GetValue<string>().ShouldBe("[erased]");
    }

    private async Task<long> DocumentRows()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from infohus.case_document", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
