using Itqan.Recording.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Itqan.Recording.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL transaction-scoped advisory lock keyed by the session: concurrent starts and stops of one
/// session, from any API instance, run one after the other. The lock ends with the transaction.
/// </summary>
public sealed class PostgresSessionRecordingLock(RecordingDbContext db) : ISessionRecordingLock
{
    /// <summary>First key of the two-key advisory lock, so our locks never collide with other users of advisory locks.</summary>
    private const int RecordingLockSpace = 0x52454331;

    public async Task<ISessionLockScope> AcquireAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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

    private sealed class Scope(IDbContextTransaction transaction) : ISessionLockScope
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
