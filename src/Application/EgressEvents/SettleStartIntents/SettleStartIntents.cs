using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents.SettleStartIntents;

/// <summary>
/// Settles the start intents older than <paramref name="OlderThan"/> (<see cref="EgressStartIntent"/>): each is a
/// Start that saved no recording, so whatever LiveKit records in its room that no recording knows is stopped, and
/// the intent deleted. The age leaves LiveKit time to create an egress whose Start reached it late. Each intent is
/// one unit under its session's lock, so a Start of the session under way is waited for, never overtaken; when
/// cancelled, the unit under way is finished and no new one begins.
/// </summary>
/// <returns>How many intents were settled; one LiveKit could not be asked about waits for the next run.</returns>
public sealed record SettleStartIntentsCommand(TimeSpan OlderThan) : ICommand<int>;

public sealed class SettleStartIntentsHandler(
    IApplicationDbContext db,
    ISessionRecordingLock sessionLock,
    IEgressClient egress,
    TimeProvider clock,
    ILogger<SettleStartIntentsHandler> logger) : ICommandHandler<SettleStartIntentsCommand, int>
{
    public async ValueTask<int> Handle(SettleStartIntentsCommand command, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - command.OlderThan;
        var due = await db.EgressStartIntents.AsNoTracking()
            .Where(i => i.RequestedAt <= before)
            .OrderBy(i => i.RequestedAt)
            .ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var intent in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            settled += await SettleAsync(intent) ? 1 : 0;
        }

        return settled;
    }

    private async Task<bool> SettleAsync(EgressStartIntent intent)
    {
        await using var scope = await sessionLock.AcquireAsync(intent.SessionId, CancellationToken.None);
        // Under the lock: a Start still under way when the intent was read has finished, and deleted the intent if
        // it saved its recording.
        if (!await db.EgressStartIntents.AnyAsync(i => i.Id == intent.Id, CancellationToken.None)
            || !await new OrphanedEgress(egress, db, logger).StopUnknownInRoomAsync(intent.RoomName))
        {
            return false;
        }

        await db.EgressStartIntents.Where(i => i.Id == intent.Id).ExecuteDeleteAsync(CancellationToken.None);
        await scope.CommitAsync(CancellationToken.None);
        logger.LogInformation(
            "Settled the start intent of session {SessionId} (room {RoomName}, file {FilePath}, requested {RequestedAt})",
            intent.SessionId, intent.RoomName, intent.FilePath, intent.RequestedAt);
        return true;
    }
}
