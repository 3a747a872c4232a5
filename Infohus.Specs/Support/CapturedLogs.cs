using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Infohus.Specs.Support;

/// <summary>Every log event the host writes, rendered as text with its properties and exception.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage()} {properties} {logEvent.Exception}");
    }

    public IReadOnlyList<string> Lines => [.. _lines];
}
