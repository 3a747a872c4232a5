using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace Infohus.Api.Notices;

public static class NoticeOutbox
{
    /// <summary>
    /// Queues the notices and deadline reminders a write calls for in the write's own transaction
    /// (Wolverine's outbox enrolled in the Marten session): a write that rolls back sends nothing, a
    /// committed one always sends, also after a restart. Dispose the answer after the session is saved:
    /// the outbox lives in a scope of its own until it has handed the messages on after the commit.
    /// </summary>
    public static async Task<IAsyncDisposable?> EnrollNotices(this IDocumentSession session, IMessageBus bus, IReadOnlyList<object> events, Case? before)
    {
        var runtime = ((MessageBus)bus).Runtime;
        var rules = runtime.Services.GetRequiredService<NoticeRules>();
        if (!rules.Enabled) return null;
        var notices = rules.For(events, before).ToList();
        var reminders = rules.RemindersFor(events).ToList();
        if (notices.Count == 0 && reminders.Count == 0) return null;

        var scope = runtime.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        outbox.Enroll(session);
        foreach (var notice in notices) await outbox.PublishAsync(notice);
        foreach (var (reminder, at) in reminders) await outbox.ScheduleAsync(reminder, at);
        return scope;
    }

    public static IServiceCollection AddInfohusNotices(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(NoticeSettings.Section).Get<NoticeSettings>() ?? new NoticeSettings();
        services.AddSingleton(settings);
        services.AddSingleton<NoticeRules>();
        services.AddSingleton<NoticeMail>();
        services.AddHostedService<NoticesOffWarning>();
        services.ConfigureMarten(opts => opts.Schema.For<NoticeSent>().DocumentAlias("notice_sent"));
        return services;
    }

    /// <summary>Durable local queue "notices": a queued notice survives a restart and is handled on one node.</summary>
    public static void UseInfohusNotices(this WolverineOptions opts) =>
        opts.PublishMessage<NoticeToSend>().ToLocalQueue("notices");
}

/// <summary>Says once, at start, that notices are off, rather than once per notice not sent.</summary>
internal sealed class NoticesOffWarning(NoticeSettings settings, ILogger<NoticesOffWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled) logger.LogWarning("E-mail notices are off: configure Infohus:Notices:Smtp:Host to send them");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
