using Itqan.Recording.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Recordings;

/// <summary>
/// The recording of an egress, read under its session's recording lock. LiveKit's webhooks race the teacher's
/// Stop (LiveKit reports ENDING while our stop is still saving); taking the same lock makes them take turns,
/// and the webhook then sees what the stop wrote.
/// </summary>
public sealed class LockedRecording : IAsyncDisposable
{
    private readonly ISessionLockScope _scope;

    private LockedRecording(ISessionLockScope scope, Domain.Recordings.Recording recording)
    {
        _scope = scope;
        Recording = recording;
    }

    public Domain.Recordings.Recording Recording { get; }

    public static async Task<LockedRecording?> FindByEgressAsync(
        IApplicationDbContext db, ISessionRecordingLock sessionLock, string egressId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sessionLock);
        var sessionId = await db.Recordings.AsNoTracking()
            .Where(r => r.EgressId == egressId)
            .Select(r => (Guid?)r.SessionId)
            .SingleOrDefaultAsync(cancellationToken);
        if (sessionId is null)
        {
            return null;
        }

        var scope = await sessionLock.AcquireAsync(sessionId.Value, cancellationToken);
        var recording = await db.Recordings.SingleAsync(r => r.EgressId == egressId, cancellationToken);
        return new LockedRecording(scope, recording);
    }

    /// <summary>Saves the changes and releases the lock.</summary>
    public async Task SaveAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SaveChangesAsync(cancellationToken);
        await _scope.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
