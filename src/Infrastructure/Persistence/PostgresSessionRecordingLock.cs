using Itqan.Recording.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RecordingEntity = Itqan.Recording.Domain.Recordings.Recording;

namespace Itqan.Recording.Infrastructure.Persistence;

/// <summary>
/// The session's lock is a PostgreSQL transaction-scoped advisory lock keyed by the session: concurrent starts and
/// stops of one session, from any API instance, run one after the other. A recording's lock is its row
/// (<c>SELECT … FOR UPDATE</c>), taken by the same statement that reads it, so the read sees the row as the previous
/// holder committed it. Both end with the transaction.
/// </summary>
public sealed class PostgresSessionRecordingLock(RecordingDbContext db) : ISessionRecordingLock
{
    /// <summary>First key of the two-key advisory lock, so our locks never collide with other users of advisory locks.</summary>
    private const int RecordingLockSpace = 0x52454331;

    /// <summary>
    /// Every column and the row version; the file's columns go out a second time under the names EF Core asks for when
    /// it composes a query over raw SQL (for a complex type it wants <c>"File_Format"</c>, not the mapped <c>file_format</c>).
    /// </summary>
    private const string SelectRecordings = """
        SELECT *, xmin, file_format AS "File_Format", file_path AS "File_RelativePath", file_size_bytes AS "File_SizeBytes"
        FROM recordings WHERE
        """;

    public async Task<ISessionLockScope> AcquireAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var transaction = await BeginAsync(cancellationToken);
        try
        {
            var sessionKey = sessionId.GetHashCode();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RecordingLockSpace}, {sessionKey})", cancellationToken);
            return new Scope(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task<RecordingEntity?> LockActiveRecordingAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock outside a transaction ends with its statement; acquire the session's lock first.");
        }

        return await LockedRows("session_id = {0} AND status = 'recording'", sessionId).SingleOrDefaultAsync(cancellationToken);
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
            var row = await LockedRows("egress_id = {0}", egressId)
                .Select(r => new
                {
                    Recording = r,
                    Applied = eventId != null && db.ProcessedWebhookEvents.Any(e => e.EventId == eventId),
                    Waiting = eventId != null && db.PendingEgressEvents.Any(p => p.EventId == eventId && p.AppliedAt == null),
                })
                .SingleOrDefaultAsync(cancellationToken);
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
    /// The recordings matching <paramref name="condition"/> (SQL with one <c>{0}</c> parameter), their rows locked.
    /// </summary>
    private IQueryable<RecordingEntity> LockedRows(string condition, object value) =>
        db.Recordings.FromSqlRaw(string.Concat(SelectRecordings, " ", condition, " FOR UPDATE"), value);

    /// <summary>
    /// A transaction for one save: without EF's savepoint around it (two round trips), since a failed save ends the
    /// whole transaction anyway.
    /// </summary>
    private Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync(cancellationToken);
    }

    private sealed class Scope(IDbContextTransaction transaction) : ISessionLockScope
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
