using MailKit;
using MailKit.Net.Smtp;
using Infohus.Api.Telemetry;
using MimeKit;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Infohus.Api.Notices;

/// <summary>That a notice went out: so a notice handled again (a redelivery, a second node) is not sent twice.</summary>
public sealed record NoticeSent(Guid Id, NoticeKind Kind, Guid CaseId, DateTimeOffset SentAt);

/// <summary>
/// The mail server did not take a notice. The message names the failure's type and SMTP status, never
/// the server's text: it may quote the recipient's address.
/// </summary>
public sealed class NoticeNotDelivered(string message, bool permanent) : Exception(message)
{
    /// <summary>A 5xx answer: retrying will not help (an address the server refuses); the notice goes to the dead letters.</summary>
    public bool Permanent { get; } = permanent;
}

/// <summary>Sends a notice by SMTP (MailKit).</summary>
public sealed class NoticeMail(NoticeSettings settings, InfohusMetrics metrics, ILogger<NoticeMail> logger)
{
    public async Task SendAsync(NoticeToSend notice, CancellationToken cancellation)
    {
        if (!settings.Enabled)
            throw new NoticeNotDelivered($"Notice {notice.Id} waits: no Infohus:Notices:Smtp:Host is configured.", permanent: false);

        var (subject, body) = NoticeText.Compose(notice, settings.LinkTo(notice.CaseId));
        try
        {
            var message = new MimeMessage
            {
                Subject = subject,
                Body = new TextPart("plain") { Text = body },
                // The same notice always carries the same Message-Id, so a mail system can drop a repeat.
                MessageId = $"{notice.Id}@infohus"
            };
            message.From.Add(MailboxAddress.Parse(settings.Smtp.Sender));
            message.To.Add(MailboxAddress.Parse(notice.To));

            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, cancellation);
            if (!string.IsNullOrEmpty(settings.Smtp.User))
                await client.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? "", cancellation);
            await client.SendAsync(message, cancellation);
            await client.DisconnectAsync(true, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever MailKit or MimeKit say may quote an address: the message keeps only the type and status.
            var status = e is SmtpCommandException command ? $" {(int)command.StatusCode} {command.ErrorCode}" : "";
            throw new NoticeNotDelivered($"The mail server did not take notice {notice.Id} ({notice.Kind}): {e.GetType().Name}{status}.",
                permanent: e is ParseException or SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 });
        }
        Sent(notice);
    }

    /// <summary>The one place a notice counts as sent: the log line and <c>infohus.notices.sent</c>.</summary>
    private void Sent(NoticeToSend notice)
    {
        metrics.NoticeSent();
        logger.LogInformation("Notice {NoticeId} ({Kind}) for case {CaseId} sent", notice.Id, notice.Kind, notice.CaseId);
    }
}

[WolverineHandler]
public static class SendNoticeHandler
{
    /// <summary>
    /// A mail server that is down delays a notice, never loses it: quick retries first, then retries
    /// scheduled in the durable inbox without end, with a growing pause. A notice the server refuses for
    /// good (5xx) goes to Wolverine's dead letters in PostgreSQL, where it can be replayed.
    /// </summary>
    public static void Configure(HandlerChain chain)
    {
        chain.OnException<NoticeNotDelivered>(e => e.Permanent).MoveToErrorQueue();
        chain.OnException<NoticeNotDelivered>()
            .RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))
            .Then.ScheduleRetryIndefinitely(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15));
    }

    public static async Task Handle(NoticeToSend notice, IDocumentStore store, NoticeMail mail, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<NoticeSent>(notice.Id, cancellation) is not null) return;
        await mail.SendAsync(notice, cancellation);
        session.Insert(new NoticeSent(notice.Id, notice.Kind, notice.CaseId, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellation);
    }
}

[WolverineHandler]
public static class RemindOfReactionDeadlineHandler
{
    /// <summary>A day before the deadline: a case still waiting on it gets a reminder; one acted on gets nothing.</summary>
    public static async Task<IEnumerable<NoticeToSend>> Handle(RemindOfReactionDeadline reminder, IDocumentStore store, NoticeRules rules, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var state = await session.Events.FetchLatest<Case>(reminder.CaseId, cancellation);
        return state is not null && rules.Reminder(state, reminder.DueAt) is { } notice ? [notice] : [];
    }
}
