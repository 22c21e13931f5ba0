using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.EgressEvents;

/// <summary>
/// The recording of an egress, read under its row lock. LiveKit's webhooks race the teacher's Stop (LiveKit reports
/// ENDING while our stop is still saving) and the jobs; every one of them locks the row before it reads it, so they
/// take turns and each sees what the previous one wrote. Everything saved through it is one transaction: the status
/// change, its audit entry and the webhook event id that caused it land together or not at all.
/// </summary>
public sealed class LockedRecording : IAsyncDisposable
{
    private readonly IApplicationDbContext _db;
    private readonly ISessionLockScope _scope;
    private readonly string? _eventId;
    private readonly bool _eventWaiting;
    private bool _saved;

    private LockedRecording(IApplicationDbContext db, string? eventId, LockedRecordingRow row)
    {
        _db = db;
        _eventId = eventId;
        _scope = row.Scope;
        _eventWaiting = row.EventWaiting;
        Recording = row.Recording;
        EventApplied = row.EventApplied;
    }

    public Domain.Recordings.Recording Recording { get; }

    /// <summary>True when the webhook event that asked for this recording was applied before (LiveKit resent it).</summary>
    public bool EventApplied { get; }

    /// <param name="eventId">The webhook event that asks for the recording; null for a change found by a job.</param>
    public static async Task<LockedRecording?> FindByEgressAsync(
        IApplicationDbContext db, ISessionRecordingLock locks, string egressId, string? eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(locks);
        return await locks.LockByEgressAsync(egressId, eventId, cancellationToken) is { } row ? new LockedRecording(db, eventId, row) : null;
    }

    /// <summary>
    /// Notes that the webhook event that asked for the recording caused the changes about to be saved, so a resend of
    /// it changes nothing; the copy of it that waited for this recording, if any, is marked applied. Without an event
    /// (a change found by reconciliation) it notes nothing.
    /// </summary>
    public async Task RecordEventAsync(string eventName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (_eventId is not { } eventId)
        {
            return;
        }

        _db.ProcessedWebhookEvents.Add(new ProcessedWebhookEvent(eventId, eventName, Recording.EgressId, at));
        if (!_eventWaiting)
        {
            return;
        }

        var waiting = await _db.PendingEgressEvents
            .Where(p => p.EventId == eventId && p.AppliedAt == null)
            .ToListAsync(cancellationToken);
        waiting.ForEach(p => p.MarkApplied(at));
    }

    /// <summary>Saves the changes and releases the lock.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await _db.SaveChangesAsync(cancellationToken);
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
