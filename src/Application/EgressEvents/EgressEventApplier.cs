using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Persistence;
using ItqanRecording.Domain.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RecordingEntity = ItqanRecording.Domain.Recordings.Recording;

namespace ItqanRecording.Application.EgressEvents;

/// <summary>
/// The one way an egress event (a webhook, or what reconciliation found) changes its recording: lock the recording
/// of the egress; when none knows it yet, park the event in the <see cref="EgressEventInbox"/>; skip an event
/// applied before or one that no longer applies (recordings never move backwards); otherwise make the change, note
/// the event id, save it all in one transaction, and treat a concurrent copy of the same event as done.
/// </summary>
public sealed class EgressEventApplier(
    IApplicationDbContext db,
    ISessionRecordingLock locks,
    TimeProvider clock,
    ILogger<EgressEventApplier> logger)
{
    /// <param name="eventName">One of <see cref="EgressEventNames"/>.</param>
    /// <param name="egress">The egress as LiveKit describes it.</param>
    /// <param name="eventId">LiveKit's webhook event id; null when reconciliation found the change (it never waits).</param>
    /// <param name="appliesTo">Whether the event still means something for the recording as it is now.</param>
    /// <param name="change">
    /// Changes the recording through the aggregate, given the time now, and returns the audit entry the aggregate's
    /// transition returned (null when the transition has none).
    /// </param>
    /// <returns>Whether this call made the change and saved it.</returns>
    public async Task<bool> ApplyAsync(
        string eventName,
        EgressInfo egress,
        string? eventId,
        Func<RecordingEntity, bool> appliesTo,
        Func<RecordingEntity, DateTimeOffset, RecordingAuditEntry?> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(egress);
        ArgumentNullException.ThrowIfNull(appliesTo);
        ArgumentNullException.ThrowIfNull(change);
        await using var locked = await LockedRecording.FindByEgressAsync(db, locks, egress.EgressId, eventId, cancellationToken);
        if (locked is null)
        {
            logger.LogWarning("Egress {EgressId} sent {Event} but no recording knows it yet; the event waits", egress.EgressId, eventName);
            return await EgressEventInbox.ParkAsync(db, eventId, eventName, egress, clock.GetUtcNow(), cancellationToken)
                && await ApplyAsync(eventName, egress, eventId, appliesTo, change, cancellationToken);
        }

        if (locked.EventApplied || !appliesTo(locked.Recording))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (change(locked.Recording, now) is { } entry)
        {
            db.RecordingAuditEntries.Add(entry);
        }

        await locked.RecordEventAsync(eventName, now, cancellationToken);
        try
        {
            await locked.SaveAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same event was applied by someone else after we looked: nothing to add.
            logger.LogInformation("Event {EventId} of egress {EgressId} was applied concurrently", eventId, egress.EgressId);
            return false;
        }
    }
}
