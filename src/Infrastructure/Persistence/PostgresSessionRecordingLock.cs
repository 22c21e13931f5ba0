using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using RecordingEntity = ItqanRecording.Domain.Recordings.Recording;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// The session's lock is a PostgreSQL transaction-scoped advisory lock keyed by the session (<see cref="KeyOf"/>):
/// concurrent starts and stops of one session, from any API instance, run one after the other. A recording's lock is its row
/// (<c>SELECT … FOR UPDATE</c>), taken by the same statement that reads it, so the read sees the row as the previous
/// holder committed it. Both end with the transaction.
/// </summary>
public sealed class PostgresSessionRecordingLock(RecordingDbContext db, SessionKindMemory knownKinds) : ISessionRecordingLock
{
    /// <summary>
    /// The compiled queries, once per model: EF refuses a compiled query on any model but the one it first ran on, and
    /// one process may hold hosts whose models differ by their session kinds (the tests' fourth kind does).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, CompiledQueries> Compiled = [];

    private CompiledQueries Queries => Compiled.GetValue(db.Model, _ => new CompiledQueries());

    public async Task<ISessionLockScope> AcquireAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var transaction = await BeginAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({KeyOf(sessionId)})", cancellationToken);
            return new Scope(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task<LockedSession> AcquireAndReadActivityAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var transaction = await BeginAsync(cancellationToken);
        try
        {
            // One batch: each statement takes its own snapshot, so the second sees what was committed while the first
            // waited for the lock. The third reads the session's kind for SessionFinder (a session never changes kind).
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction())
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = KeyOf(sessionId) } } },
                    new NpgsqlBatchCommand(ActiveRecordingExists)
                    {
                        Parameters = { new() { Value = sessionId }, new() { Value = StoredEnumName.Of(RecordingStatus.Recording) } },
                    },
                    new NpgsqlBatchCommand(KindOfSession) { Parameters = { new() { Value = sessionId } } },
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var isRecording = await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0);
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                knownKinds.Remember(sessionId, reader.GetString(0));
            }

            return new LockedSession(new Scope(transaction), isRecording);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private const string ActiveRecordingExists = "SELECT EXISTS (SELECT 1 FROM recordings WHERE session_id = $1 AND status = $2)";

    private const string KindOfSession = $"SELECT {SessionConfiguration.KindColumn} FROM sessions WHERE id = $1";

    /// <summary>
    /// The session's one-key (bigint) advisory lock key: the session id's two 64-bit halves XORed, the same in every
    /// process, instance and version (ADR 0004). Two sessions share a key with odds of 2^-64, where the 32-bit
    /// <see cref="Guid.GetHashCode"/> used before made it 2^-32; a shared key only makes them wait for each other.
    /// The jobs' locks use the two-key space, which PostgreSQL keeps apart from this one.
    /// </summary>
    public static long KeyOf(Guid sessionId)
    {
        Span<byte> bytes = stackalloc byte[16];
        sessionId.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes) ^ BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
    }

    public async Task<RecordingEntity?> LockActiveRecordingAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock outside a transaction ends with its statement; acquire the session's lock first.");
        }

        return await Queries.LockActiveOfSession(db, sessionId, cancellationToken);
    }

    public async Task<LockedRecordingRow?> LockByEgressAsync(string egressId, string? eventId, CancellationToken cancellationToken)
    {
        // A copy tracked earlier in this scope (a job handles many recordings in one) may be stale, and a query would
        // hand it back unchanged: read the row as it is now.
        if (db.Recordings.Local.FirstOrDefault(r => r.EgressId == egressId) is { } tracked)
        {
            db.Entry(tracked).State = EntityState.Detached;
        }

        var transaction = await BeginAsync(cancellationToken);
        try
        {
            // Waiting for the lock, PostgreSQL re-reads the locked row as committed; the two flags come from the
            // statement's snapshot, which may be older, and serve only to skip work: the status (re-read) and the
            // unique event id decide.
            var row = await Queries.LockByEgress(db, egressId, eventId, cancellationToken);
            if (row is null)
            {
                await transaction.DisposeAsync();
                return null;
            }

            return new LockedRecordingRow(new Scope(transaction), row.Recording, row.Applied, row.Waiting);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A transaction for one save: without EF's savepoint around it (two round trips), since a failed save ends the
    /// whole transaction anyway.
    /// </summary>
    private Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Compiled queries: EF Core neither rebuilds nor looks up their SQL per call.</summary>
    private sealed class CompiledQueries
    {
        /// <summary>The recording of an egress with its row locked, whether the event was applied, whether a copy of it waits.</summary>
        public readonly Func<RecordingDbContext, string, string?, CancellationToken, Task<EgressRow?>> LockByEgress =
            EF.CompileAsyncQuery((RecordingDbContext db, string egressId, string? eventId, CancellationToken _) => db.Recordings
                .TagWith(ForUpdateInterceptor.Tag)
                .Where(r => r.EgressId == egressId)
                .Select(r => new EgressRow(
                    r,
                    eventId != null && db.ProcessedWebhookEvents.Any(e => e.EventId == eventId),
                    eventId != null && db.PendingEgressEvents.Any(p => p.EventId == eventId && p.AppliedAt == null)))
                .SingleOrDefault());

        /// <summary>The session's active recording with its row locked.</summary>
        public readonly Func<RecordingDbContext, Guid, CancellationToken, Task<RecordingEntity?>> LockActiveOfSession =
            EF.CompileAsyncQuery((RecordingDbContext db, Guid sessionId, CancellationToken _) => db.Recordings
                .TagWith(ForUpdateInterceptor.Tag)
                .SingleOrDefault(r => r.SessionId == sessionId && r.Status == RecordingStatus.Recording));
    }

    private sealed record EgressRow(RecordingEntity Recording, bool Applied, bool Waiting);

    private sealed class Scope(IDbContextTransaction transaction) : ISessionLockScope
    {
        private const string WaitingEventsExist = "SELECT EXISTS (SELECT 1 FROM pending_egress_events WHERE egress_id = $1 AND applied_at IS NULL)";

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async Task<bool> CommitAndFindWaitingEventsAsync(string egressId, CancellationToken cancellationToken)
        {
            var npgsql = (NpgsqlTransaction)transaction.GetDbTransaction();
            // COMMIT sent as a statement of the batch: Npgsql sees the server leave the transaction and counts it
            // completed, so disposing it below sends nothing.
            await using var batch = new NpgsqlBatch(npgsql.Connection, npgsql)
            {
                BatchCommands = { new NpgsqlBatchCommand("COMMIT"), new NpgsqlBatchCommand(WaitingEventsExist) { Parameters = { new() { Value = egressId } } } },
            };
            try
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                return !await reader.ReadAsync(cancellationToken) || reader.GetBoolean(0);
            }
            catch (PostgresException exception) when (exception.BatchCommand == batch.BatchCommands[1])
            {
                return true;
            }
            finally
            {
                // EF forgets the transaction, so the next statement of this scope runs on its own.
                await transaction.DisposeAsync();
            }
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
