using Npgsql;
using NpgsqlTypes;

namespace Infohus.Benchmarks;

/// <summary>
/// The same-work floor: exactly the database work one §115 disclosure does through the API (the
/// reads of the stream, the case state, the case key and the summary; the stream's new version,
/// the event and its audit-chain link, the case state and the summary rewritten, the disclosure-log
/// line), with the very bytes the API wrote for a real disclosure, as raw Npgsql in one prepared
/// batch: one transaction, one round trip. It runs on copies of the store's tables (same columns,
/// indexes, foreign key and audit trigger) in a schema of its own, so the store and its audit
/// chain stay as the API left them.
/// </summary>
public sealed class SameWorkFloor(string connectionString)
{
    public const string Schema = "bench_floor";
    private const string Store = "infohus";
    private static readonly string[] Tables = ["mt_streams", "mt_events", "mt_doc_case_state", "mt_doc_casesummary", "mt_doc_disclosurelogentry", "mt_doc_case_key", "audit_chain"];
    private static readonly string[] Functions = ["audit_event_hash", "audit_chain_link"];

    private Template? _template;

    /// <summary>The rows of one disclosure the API made on <paramref name="caseId"/>, and a copy of the store's tables to replay it on.</summary>
    public async Task Prepare(Guid caseId)
    {
        await using var connection = await Open();
        await Execute(connection, $"drop schema if exists {Schema} cascade; create schema {Schema}; create sequence {Schema}.mt_events_sequence;");
        foreach (var table in Tables)
            await Execute(connection, $"create table {Schema}.{table} (like {Store}.{table} including all)");
        await Execute(connection, $"""
            alter table {Schema}.mt_events add constraint fkey_mt_events_stream_id
                foreign key (stream_id) references {Schema}.mt_streams(id) on delete cascade
            """);
        foreach (var function in Functions)
        {
            var definition = await Scalar<string>(connection, $"select pg_get_functiondef('{Store}.{function}'::regproc)");
            await Execute(connection, definition.Replace($"{Store}.", $"{Schema}.", StringComparison.Ordinal));
        }
        await Execute(connection, $"create trigger audit_chain_link after insert on {Schema}.mt_events for each row execute function {Schema}.audit_chain_link()");
        await Execute(connection, $"insert into {Schema}.mt_doc_case_key select * from {Store}.mt_doc_case_key where id = '{caseId}'");

        await using var read = new NpgsqlCommand($"""
            select e.data::text, e.type, e.mt_dotnet_type, e.headers::text, e.correlation_id, e.causation_id, s.type,
                   c.data::text, c.mt_dotnet_type, m.data::text, m.mt_dotnet_type, d.data::text, d.mt_dotnet_type
            from {Store}.mt_events e
            join {Store}.mt_streams s on s.id = e.stream_id
            join {Store}.mt_doc_case_state c on c.id = e.stream_id
            join {Store}.mt_doc_casesummary m on m.id = e.stream_id
            join {Store}.mt_doc_disclosurelogentry d on (d.data ->> 'caseId')::uuid = e.stream_id
            where e.stream_id = @id and e.type = 'information_disclosed'
            order by e.version desc limit 1
            """, connection);
        read.Parameters.AddWithValue("id", caseId);
        await using var row = await read.ExecuteReaderAsync();
        if (!await row.ReadAsync()) throw new InvalidOperationException("The API's disclosure was not found to copy.");
        _template = new Template(caseId, row.GetString(0), row.GetString(1), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3),
            row.IsDBNull(4) ? null : row.GetString(4), row.IsDBNull(5) ? null : row.GetString(5), row.IsDBNull(6) ? null : row.GetString(6),
            row.GetString(7), row.GetString(8), row.GetString(9), row.GetString(10), row.GetString(11), row.GetString(12));
    }

    /// <summary>JSON bytes one disclosure writes: the event, the case state, the summary and the disclosure-log line.</summary>
    public int JsonBytes => _template is { } t
        ? new[] { t.EventData, t.EventHeaders ?? "", t.CaseState, t.Summary, t.LogEntry }.Sum(System.Text.Encoding.UTF8.GetByteCount)
        : 0;

    public async Task<Throughput> Run(int clients, TimeSpan warmUp, TimeSpan measured, Counting? counting = null)
    {
        var template = _template ?? throw new InvalidOperationException("Prepare the floor first.");
        var writers = new Writer[clients];
        for (var c = 0; c < clients; c++)
        {
            // The cases on a connection of their own, closed before the run, so its statistics are not the run's.
            (Guid, long)[] cases;
            await using (var setup = await Open()) cases = await Writer.OpenCases(setup, template, count: 32);
            writers[c] = await Writer.Start(await Open(), template, cases);
        }
        try
        {
            if (counting is not null) await counting.Ready();
            return await ClosedLoop.Run(clients, warmUp, measured, async (client, cancellation) =>
            {
                await writers[client].Disclose(cancellation);
                counting?.Counted();
            });
        }
        finally
        {
            foreach (var writer in writers) await writer.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private sealed record Template(
        Guid KeyId, string EventData, string EventType, string EventDotnetType, string? EventHeaders, string? CorrelationId, string? CausationId,
        string? StreamType, string CaseState, string CaseStateType, string Summary, string SummaryType, string LogEntry, string LogEntryType);

    /// <summary>One client: its own open cases, taken in turn, and one prepared batch re-sent with new values.</summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly (Guid Id, long Version)[] _cases;
        private readonly NpgsqlBatch _batch;
        private int _turn;

        private Writer(NpgsqlConnection connection, Template template, (Guid, long)[] cases)
        {
            _connection = connection;
            _cases = cases;
            _batch = new NpgsqlBatch(connection);
            Add($"select version from {Schema}.mt_streams where id = $1", Uuid());
            Add($"select data, mt_version from {Schema}.mt_doc_case_state where id = $1", Uuid());
            Add($"select data from {Schema}.mt_doc_case_key where id = $1", new NpgsqlParameter<Guid> { Value = template.KeyId });
            Add($"select data from {Schema}.mt_doc_casesummary where id = $1", Uuid());
            Add($"update {Schema}.mt_streams set version = $2, timestamp = now() where id = $1 and version = $3", Uuid(), Int64(), Int64());
            Add($"""
                insert into {Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, is_archived)
                values (nextval('{Schema}.mt_events_sequence'), $1, $2, $3, $4, $5, now(), '*DEFAULT*', $6, $7, $8, $9, false)
                """, Uuid(), Uuid(), Int64(), Json(template.EventData), Text(template.EventType), Text(template.EventDotnetType),
                Text(template.CorrelationId), Text(template.CausationId), Json(template.EventHeaders));
            // The document changes with each write (its version), as the API's does: an unchanged
            // document would be a HOT update that makes no index entry, which no real write is.
            foreach (var (table, data, type) in new[] { ("mt_doc_case_state", template.CaseState, template.CaseStateType), ("mt_doc_casesummary", template.Summary, template.SummaryType) })
                Add($"""
                    insert into {Schema}.{table} (id, data, mt_dotnet_type, mt_version, mt_last_modified) values ($1, jsonb_set($2, array['version'], to_jsonb($4)), $3, $4, transaction_timestamp())
                    on conflict (id) do update set data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, mt_version = excluded.mt_version, mt_last_modified = excluded.mt_last_modified
                    """, Uuid(), Json(data), Text(type), Int64());
            Add($"insert into {Schema}.mt_doc_disclosurelogentry (id, data, mt_dotnet_type, mt_last_modified) values ($1, $2, $3, transaction_timestamp())",
                Uuid(), Json(template.LogEntry), Text(template.LogEntryType));
        }

        public static async Task<(Guid, long)[]> OpenCases(NpgsqlConnection connection, Template template, int count)
        {
            var cases = Enumerable.Range(0, count).Select(_ => (Guid.CreateVersion7(), 10L)).ToArray();
            await using (var create = new NpgsqlBatch(connection))
            {
                foreach (var (id, version) in cases)
                {
                    create.BatchCommands.Add(Command($"insert into {Schema}.mt_streams (id, type, version) values ($1, $2, $3)", id, (object?)template.StreamType ?? DBNull.Value, version));
                    create.BatchCommands.Add(Command($"insert into {Schema}.mt_doc_case_state (id, data, mt_dotnet_type, mt_version) values ($1, $2::jsonb, $3, $4)", id, template.CaseState, template.CaseStateType, version));
                    create.BatchCommands.Add(Command($"insert into {Schema}.mt_doc_casesummary (id, data, mt_dotnet_type, mt_version) values ($1, $2::jsonb, $3, $4)", id, template.Summary, template.SummaryType, version));
                }
                await create.ExecuteNonQueryAsync();
            }
            return cases;
        }

        public static async Task<Writer> Start(NpgsqlConnection connection, Template template, (Guid, long)[] cases)
        {
            var writer = new Writer(connection, template, cases);
            await writer._batch.PrepareAsync();
            return writer;
        }

        public async Task Disclose(CancellationToken cancellation)
        {
            var index = _turn++ % _cases.Length;
            var (id, version) = _cases[index];
            var commands = _batch.BatchCommands;
            for (var c = 0; c < 4; c++)
                if (c != 2) commands[c].Parameters[0].Value = id;
            Set(commands[4], id, version + 1, version);
            Set(commands[5], Guid.CreateVersion7(), id, version + 1);
            Set(commands[6], id);
            commands[6].Parameters[3].Value = version + 1;
            Set(commands[7], id);
            commands[7].Parameters[3].Value = version + 1;
            Set(commands[8], Guid.CreateVersion7());
            // No explicit transaction: a batch is one implicit transaction, committed with its one round trip.
            await using (var reader = await _batch.ExecuteReaderAsync(cancellation))
                while (await reader.NextResultAsync(cancellation)) { }
            if (commands[4].RecordsAffected != 1) throw new InvalidOperationException("The floor lost track of a stream version.");
            _cases[index] = (id, version + 1);
        }

        public async ValueTask DisposeAsync()
        {
            await _batch.DisposeAsync();
            await _connection.DisposeAsync();
        }

        private void Add(string sql, params NpgsqlParameter[] parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(parameters);
            _batch.BatchCommands.Add(command);
        }

        private static void Set(NpgsqlBatchCommand command, params object[] values)
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        }

        private static NpgsqlBatchCommand Command(string sql, params object[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            return command;
        }

        private static NpgsqlParameter Uuid() => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = Guid.Empty };

        private static NpgsqlParameter Int64() => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = 0L };

        private static NpgsqlParameter Json(string? json) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)json ?? DBNull.Value };

        private static NpgsqlParameter Text(string? text) => new() { NpgsqlDbType = NpgsqlDbType.Varchar, Value = (object?)text ?? DBNull.Value };
    }
}
