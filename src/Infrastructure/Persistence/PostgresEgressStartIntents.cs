using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using Npgsql;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// Commits start intents through a data source of its own, so with its own connection pool: the Start that writes
/// one holds a pooled connection in the session lock's transaction, and requests queued on that lock may hold all
/// the others; this pool is never held by a waiter, so the write cannot wait for them.
/// </summary>
public sealed class PostgresEgressStartIntents(NpgsqlDataSource dataSource) : IEgressStartIntents, IDisposable, IAsyncDisposable
{
    public async Task RecordAsync(EgressStartIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO egress_start_intents (id, session_id, room_name, file_path, requested_at) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = intent.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = intent.SessionId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = intent.RoomName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = intent.FilePath });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = intent.RequestedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Opens (and returns to the pool) one connection, so the first Start does not pay for it.</summary>
    public async Task OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
    }

    public void Dispose() => dataSource.Dispose();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
