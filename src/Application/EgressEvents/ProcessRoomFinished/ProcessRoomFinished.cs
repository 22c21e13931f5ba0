using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents.ProcessRoomFinished;

/// <summary>
/// The meeting room closed (<c>room_finished</c>): nobody is left to record, so the room's active recording is
/// stopped and becomes processing. LiveKit ends the egress itself too; the stop only makes sure, and a stop of an
/// egress that already ended is fine. Its <c>egress_ended</c> — before or after this event, LiveKit does not order
/// them — completes the recording.
/// </summary>
public sealed record ProcessRoomFinishedCommand(string RoomName) : ICommand<Result<Success>>;

public sealed class ProcessRoomFinishedHandler(
    IApplicationDbContext db,
    ISessionRecordingLock sessionLock,
    IEgressClient egress,
    TimeProvider clock,
    ILogger<ProcessRoomFinishedHandler> logger) : ICommandHandler<ProcessRoomFinishedCommand, Result<Success>>
{
    public const string Reason = "The meeting room closed, so the recording was stopped; LiveKit is finishing the file.";

    public async ValueTask<Result<Success>> Handle(ProcessRoomFinishedCommand command, CancellationToken cancellationToken)
    {
        var egressIds = await db.Recordings.AsNoTracking()
            .Where(r => r.RoomName == command.RoomName && r.Status == RecordingStatus.Recording)
            .Select(r => r.EgressId)
            .ToListAsync(cancellationToken);
        foreach (var egressId in egressIds)
        {
            await using var locked = await LockedRecording.FindByEgressAsync(db, sessionLock, egressId, eventId: null, cancellationToken);
            if (locked is not null)
            {
                await AutomaticStop.TryStopAsync(
                    locked, db, egress, Reason, markWhenLiveKitFails: true, clock.GetUtcNow(), logger, cancellationToken);
            }
        }

        return new Success();
    }
}
