using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Itqan.Recording.Application.Recordings.StartRecording;

/// <summary>
/// An egress LiveKit runs that no recording knows, because Start failed after LiveKit had begun: it must be stopped,
/// or it records unseen. Best effort, with a time limit of its own (the request may already be cancelled); what it
/// cannot stop is logged for an operator.
/// </summary>
internal sealed class OrphanedEgress(IEgressClient egress, IApplicationDbContext db, ILogger logger)
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Stops the egress; one that already ended counts as stopped.</summary>
    public async Task StopAsync(string egressId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CleanupTimeout);
            await egress.StopIfRunningAsync(egressId, timeout.Token);
            logger.LogInformation("Stopped orphaned egress {EgressId}", egressId);
        }
        catch (Exception exception) when (exception is EgressException or OperationCanceledException)
        {
            logger.LogError(exception, "Could not stop orphaned egress {EgressId}; reconcile it by hand", egressId);
        }
    }

    /// <summary>
    /// After a timed-out Start: stops every active egress of the room that no recording knows. We hold the session's
    /// lock, so no other Start of this session (whose room it is) can be under way.
    /// </summary>
    public async Task StopUnknownInRoomAsync(string roomName)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CleanupTimeout);
            var active = await egress.ListEgressAsync(new EgressListFilter(RoomName: roomName, ActiveOnly: true), timeout.Token);
            foreach (var candidate in active)
            {
                if (!await db.Recordings.AnyAsync(r => r.EgressId == candidate.EgressId, timeout.Token))
                {
                    await StopAsync(candidate.EgressId);
                }
            }
        }
        catch (Exception exception) when (exception is EgressException or OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not look for an egress of room {RoomName} started by a timed-out Start", roomName);
        }
    }
}
