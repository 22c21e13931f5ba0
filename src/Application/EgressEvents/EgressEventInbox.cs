using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.EgressEvents;

/// <summary>
/// Where an egress event waits when no recording knows its egress yet: LiveKit can report the end of an egress
/// before our Start transaction has committed (or the egress is not ours at all).
/// </summary>
public static class EgressEventInbox
{
    /// <summary>
    /// Keeps the event for later. A resend of an event that already waits is recognised by its id.
    /// </summary>
    /// <returns>
    /// True when the recording exists after all: StartRecordingCommand committed between our first look and now, and may
    /// have looked for waiting events before this one arrived, so the caller must apply it itself.
    /// </returns>
    public static async Task<bool> ParkAsync(
        IApplicationDbContext db, string? eventId, string eventName, EgressInfo egress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(egress);
        if (eventId is null || egress.EgressId.Length == 0)
        {
            // Only webhooks wait (reconciliation starts from an existing recording), and only for an egress with an
            // id: LiveKit's auto-egress reports a failed start with none, and it is not ours.
            return false;
        }

        var pending = new PendingEgressEvent(Guid.CreateVersion7(now), egress.EgressId, eventId, eventName, EgressInfoJson.Serialize(egress), now);
        db.PendingEgressEvents.Add(pending);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // LiveKit resent an event that already waits.
            db.PendingEgressEvents.Entry(pending).State = EntityState.Detached;
        }

        return await db.Recordings.AnyAsync(r => r.EgressId == egress.EgressId, cancellationToken);
    }
}
