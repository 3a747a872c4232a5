using System.Diagnostics;

namespace Infohus.Api.Telemetry;

/// <summary>
/// An exception recorded on a span (Npgsql's and Marten's do, on a failed command) keeps its type and
/// stack frames, never its message: PostgreSQL's messages quote the value they refuse
/// (<c>invalid input syntax for type uuid: "…"</c>), which may be a name or a CPR number.
/// </summary>
public static class ExceptionEvents
{
    private static readonly Lazy<ActivityListener> Listener = new(() =>
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            // Only here to rewrite exception events: it never asks for a span of its own.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ExceptionRecorder = Withhold
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    });

    /// <summary>Installs the rewrite, once per process; every span's exception events pass through it.</summary>
    public static void WithholdMessages() => _ = Listener.Value;

    private static void Withhold(Activity activity, Exception exception, ref TagList tags)
    {
        var kept = new TagList();
        foreach (var tag in tags)
        {
            if (tag.Key is not ("exception.message" or "exception.stacktrace")) kept.Add(tag);
        }
        // Present, so the span does not fill them in from the exception itself.
        kept.Add("exception.message", exception.GetType().FullName);
        kept.Add("exception.stacktrace", $"{exception.GetType().FullName}{Environment.NewLine}{exception.StackTrace}");
        tags = kept;
    }
}
