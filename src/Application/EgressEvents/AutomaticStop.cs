using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Domain.Recordings;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents;

/// <summary>The service, not a person, stops an active recording: its room closed, or it ran too long.</summary>
public static class AutomaticStop
{
    /// <summary>
    /// Asks LiveKit to stop the egress (a repeated stop is harmless) and marks the locked recording processing, with
    /// a Stopped audit entry that says why; its <c>egress_ended</c> completes it later. When LiveKit cannot be told,
    /// the recording is still marked if <paramref name="markWhenLiveKitFails"/> (LiveKit ends the egress itself when
    /// the room closes), else it stays recording for the next attempt.
    /// </summary>
    /// <returns>True when the recording was marked processing.</returns>
    public static async Task<bool> TryStopAsync(
        LockedRecording locked,
        IApplicationDbContext db,
        IEgressClient egress,
        string reason,
        bool markWhenLiveKitFails,
        DateTimeOffset now,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locked);
        ArgumentNullException.ThrowIfNull(egress);
        ArgumentNullException.ThrowIfNull(logger);
        var recording = locked.Recording;
        if (recording.Status != RecordingStatus.Recording)
        {
            return false;
        }

        try
        {
            await egress.StopIfRunningAsync(recording.EgressId, cancellationToken);
        }
        catch (EgressException exception)
        {
            logger.LogWarning(exception, "LiveKit could not stop egress {EgressId} of recording {RecordingId}", recording.EgressId, recording.Id);
            if (!markWhenLiveKitFails)
            {
                return false;
            }
        }

        db.RecordingAuditEntries.Add(recording.Stop(stoppedByUserId: null, now, reason));
        await locked.SaveAsync(cancellationToken);
        logger.LogInformation("Recording {RecordingId} stopped automatically: {Reason}", recording.Id, reason);
        return true;
    }
}
