using Npgsql;

namespace Infohus.Specs.Support;

/// <summary>
/// The audit specs' two parties: someone with write access to the database who changes it with plain
/// SQL, and the auditor who asks the API whether the history is intact.
/// </summary>
public static class Tampering
{
    public static async Task<T> Scalar<T>(this InfohusApp app, string sql)
    {
        await using var connection = await app.Open();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<NpgsqlConnection> Open(this InfohusApp app)
    {
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
