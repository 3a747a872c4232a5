using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace Infohus.Api.Hosting;

/// <summary>
/// PostgreSQL's error texts can quote the data sent: a JSON error's <c>Where</c> quotes the document
/// around the fault (a name, a CPR number), a <c>MessageText</c> or <c>Detail</c> may name a value, and
/// Marten logs a failed command with its parameters. None of that may reach a log or an answer: what
/// is kept of a database error is its SQLSTATE, the server routine and the schema objects it names,
/// the exception types and their stack traces.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>The PostgreSQL error anywhere in the exception's chain, or null.</summary>
    public static PostgresException? PostgresIn(Exception exception) => Chain(exception).OfType<PostgresException>().FirstOrDefault();

    /// <summary>The exception itself when no database error is in its chain, else a stand-in that carries no database text.</summary>
    public static Exception Withhold(Exception exception) =>
        PostgresIn(exception) is null || exception is WithheldDatabaseError ? exception : new WithheldDatabaseError(exception);

    internal static IEnumerable<Exception> Chain(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var next in inner.SelectMany(Chain)) yield return next;
    }

    internal static string Describe(Exception exception) => string.Join(" ---> ", Chain(exception).Select(e => e switch
    {
        PostgresException p => $"{p.GetType().FullName} (SQLSTATE {p.SqlState}, routine {p.Routine ?? "?"}"
            + (p.TableName is { } table ? $", table {p.SchemaName}.{table}" : "")
            + (p.ColumnName is { } column ? $", column {column}" : "")
            + (p.ConstraintName is { } constraint ? $", constraint {constraint}" : "") + ")",
        _ => e.GetType().FullName
    })) + ". The database's texts (message, detail, where, hint) and every other message in this chain are withheld: they can quote the data sent.";
}

/// <summary>Stands in for an exception whose chain holds a database error: types, SQLSTATE and stack traces, no texts.</summary>
public sealed class WithheldDatabaseError(Exception original) : Exception(DatabaseErrors.Describe(original))
{
    public override string? StackTrace => string.Join(Environment.NewLine + "   --- inner ---" + Environment.NewLine,
        DatabaseErrors.Chain(original).Select(e => $"   [{e.GetType().Name}]{Environment.NewLine}{e.StackTrace}"));
}

/// <summary>In front of every log sink: a log event whose exception holds a database error gets the stand-in instead.</summary>
public sealed class WithoutDatabaseErrorTexts(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent) => inner.Emit(logEvent.Exception is { } exception && DatabaseErrors.PostgresIn(exception) is not null
        ? new LogEvent(logEvent.Timestamp, logEvent.Level, DatabaseErrors.Withhold(exception), logEvent.MessageTemplate,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)), logEvent.TraceId ?? default, logEvent.SpanId ?? default)
        : logEvent);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}

/// <summary>
/// A value PostgreSQL refuses to store or compare (SQLSTATE class 22, data exception: a NUL in a text,
/// a number or date out of range) came from the request: a 400, not a 500. The door refuses such
/// values first; this is the net behind it, and says nothing of the value.
/// </summary>
public sealed class DataTheDatabaseRefuses(IProblemDetailsService problems, ILogger<DataTheDatabaseRefuses> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseErrors.PostgresIn(exception) is not { SqlState: ['2', '2', ..] }) return false;

        logger.LogWarning(DatabaseErrors.Withhold(exception), "The database refused a value; answering 400 to {Method} {Path}",
            context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid request",
                Detail = "A value in the request cannot be stored or compared by the database."
            }
        });
    }
}
