using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents;

/// <summary>
/// An egress LiveKit runs that no recording knows, because Start failed after LiveKit had begun: it must be stopped,
/// or it records unseen. Best effort, with a time limit of its own (the request may already be cancelled); what it
/// cannot stop is left to the Start's intent, which reconciliation settles (<see cref="EgressStartIntent"/>).
/// </summary>
internal sealed class OrphanedEgress(IEgressClient egress, IApplicationDbContext db, ILogger logger)
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Stops the egress; one that already ended counts as stopped.</summary>
    /// <returns>False when LiveKit could not be told.</returns>
    public async Task<bool> StopAsync(string egressId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CleanupTimeout);
            await egress.StopIfRunningAsync(egressId, timeout.Token);
            logger.LogInformation("Stopped orphaned egress {EgressId}", egressId);
            return true;
        }
        catch (Exception exception) when (exception is EgressException or OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not stop orphaned egress {EgressId}; its start intent keeps it for reconciliation", egressId);
            return false;
        }
    }

    /// <summary>
    /// Stops every egress of the room that is starting or recording and that no recording knows. The caller holds
    /// the session's lock, so no Start of this session (whose room it is) is under way: such an egress belongs to a
    /// Start that failed or died. One already ending is being stopped.
    /// </summary>
    /// <returns>False when LiveKit could not be asked or an egress could not be stopped.</returns>
    public async Task<bool> StopUnknownInRoomAsync(string roomName)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CleanupTimeout);
            var active = await egress.ListEgressAsync(new EgressListFilter(RoomName: roomName, ActiveOnly: true), timeout.Token);
            var stoppedAll = true;
            foreach (var candidate in active.Where(e => e.Status is EgressStatus.Starting or EgressStatus.Active))
            {
                if (!await db.Recordings.AnyAsync(r => r.EgressId == candidate.EgressId, timeout.Token))
                {
                    stoppedAll &= await StopAsync(candidate.EgressId);
                }
            }

            return stoppedAll;
        }
        catch (Exception exception) when (exception is EgressException or OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not look for egress of room {RoomName} that no recording knows", roomName);
            return false;
        }
    }
}
