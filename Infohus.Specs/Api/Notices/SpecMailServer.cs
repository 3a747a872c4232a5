using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Infohus.Specs.Api.Notices;

/// <summary>A mail as the SMTP server received it: the raw bytes and the parsed message.</summary>
public sealed record DeliveredMail(string Raw, MimeMessage Message)
{
    public string To => Message.To.Mailboxes.Single().Address;

    public string Text => Message.TextBody ?? "";
}

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free loopback port, started once per run; the API
/// under test sends its notices here, and specs read what was delivered. It can be told to refuse
/// mail (a 421 for every message, as a server going down answers) to play a mail server that is out.
/// </summary>
public sealed class SpecMailServer : MessageStore
{
    public static readonly SpecMailServer Instance = Start();

    private readonly ConcurrentQueue<DeliveredMail> delivered = new();
    private int refused;

    public int Port { get; private init; }

    /// <summary>While true, every message is refused with 421 (service not available).</summary>
    public volatile bool Refusing;

    public int Refused => refused;

    public const string BaseUrl = "https://infohus.test";

    /// <summary>The notice specs' configuration: a mail server on that port (one where nothing listens plays a stopped server), an address per department, and two members' own.</summary>
    public static IEnumerable<(string Key, string Value)> SettingsFor(int port) =>
    [
        ("Infohus:Notices:Smtp:Host", "127.0.0.1"),
        ("Infohus:Notices:Smtp:Port", port.ToString()),
        ("Infohus:Notices:Smtp:Security", "None"),
        ("Infohus:Notices:Smtp:Sender", "infohus@infohus.test"),
        ("Infohus:Notices:BaseUrl", BaseUrl),
        ("Infohus:Notices:Departments:bfu", "bfu@infohus.test"),
        ("Infohus:Notices:Departments:saeh", "saeh@infohus.test"),
        ("Infohus:Notices:Departments:au", "au@infohus.test"),
        ("Infohus:Notices:Departments:police", "politi@infohus.test"),
        ("Infohus:Notices:Members:bfu-member", "bfu-member@infohus.test"),
        ("Infohus:Notices:Members:au-member", "au-member@infohus.test")
    ];

    public IReadOnlyList<DeliveredMail> Delivered => [.. delivered];

    /// <summary>The mails about one case: its id is in every notice's link.</summary>
    public IReadOnlyList<DeliveredMail> About(Guid caseId) => [.. delivered.Where(m => m.Raw.Contains(caseId.ToString()))];

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (Refusing)
        {
            Interlocked.Increment(ref refused);
            return Task.FromResult(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "closing for maintenance"));
        }
        var bytes = buffer.ToArray();
        delivered.Enqueue(new DeliveredMail(System.Text.Encoding.UTF8.GetString(bytes), MimeMessage.Load(new MemoryStream(bytes))));
        return Task.FromResult(SmtpResponse.Ok);
    }

    /// <summary>A loopback port nothing listens on (at the moment it is asked).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static SpecMailServer Start()
    {
        var port = FreePort();

        var store = new SpecMailServer { Port = port };
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(CancellationToken.None);
        return store;
    }
}
