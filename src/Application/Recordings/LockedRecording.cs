using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Recordings;

/// <summary>
/// The recording of an egress, read under its session's recording lock. LiveKit's webhooks race the teacher's
/// Stop (LiveKit reports ENDING while our stop is still saving); taking the same lock makes them take turns,
/// and the webhook then sees what the stop wrote. Everything saved through it is one transaction: the status
/// change, its audit entry and the webhook event id that caused it land together or not at all.
/// </summary>
public sealed class LockedRecording : IAsyncDisposable
{
    private readonly IApplicationDbContext _db;
    private readonly ISessionLockScope _scope;
    private bool _saved;

    private LockedRecording(IApplicationDbContext db, ISessionLockScope scope, Domain.Recordings.Recording recording)
    {
        _db = db;
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
        try
        {
            // A copy tracked earlier in this scope (a job handles many recordings in one) may be stale, and a query
            // would hand it back unchanged: read the row as it is now that we hold the lock.
            if (db.Recordings.Local.FirstOrDefault(r => r.EgressId == egressId) is { } tracked)
            {
                db.Recordings.Entry(tracked).State = EntityState.Detached;
            }

            var recording = await db.Recordings.SingleAsync(r => r.EgressId == egressId, cancellationToken);
            return new LockedRecording(db, scope, recording);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when the webhook event with this id was applied before (LiveKit resent it).</summary>
    public async Task<bool> WasAppliedAsync(string? eventId, CancellationToken cancellationToken) =>
        eventId is not null && await _db.ProcessedWebhookEvents.AnyAsync(e => e.EventId == eventId, cancellationToken);

    /// <summary>
    /// Notes that the webhook event <paramref name="eventId"/> caused the changes about to be saved, so a resend of
    /// it changes nothing; the copy of it that waited for this recording, if any, is marked applied. Null (a change
    /// found by reconciliation) notes nothing.
    /// </summary>
    public async Task RecordEventAsync(string? eventId, string eventName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (eventId is null)
        {
            return;
        }

        _db.ProcessedWebhookEvents.Add(new ProcessedWebhookEvent(eventId, eventName, Recording.EgressId, at));
        var waiting = await _db.PendingEgressEvents
            .Where(p => p.EventId == eventId && p.AppliedAt == null)
            .ToListAsync(cancellationToken);
        waiting.ForEach(p => p.MarkApplied(at));
    }

    /// <summary>Saves the changes and releases the lock.</summary>
    public async Task SaveAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SaveChangesAsync(cancellationToken);
        await _scope.CommitAsync(cancellationToken);
        _saved = true;
    }

    /// <summary>
    /// Releases the lock. Changes that were not saved are rolled back with the transaction and forgotten by the
    /// context too, so a later save in the same scope (the next recording of a job) does not carry them along.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_saved)
        {
            _db.Recordings.Entry(Recording).State = EntityState.Detached;
            ForgetUnsaved(_db.RecordingAuditEntries);
            ForgetUnsaved(_db.ProcessedWebhookEvents);
            ForgetUnsaved(_db.PendingEgressEvents);
        }

        await _scope.DisposeAsync();
    }

    private static void ForgetUnsaved<T>(DbSet<T> set)
        where T : class
    {
        foreach (var entity in set.Local.ToList())
        {
            var entry = set.Entry(entity);
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}
