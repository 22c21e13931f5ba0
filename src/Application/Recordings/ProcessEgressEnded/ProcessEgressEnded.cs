using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Common.Persistence;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Application.Recordings.ApplyPendingEgressEvents;
using Itqan.Recording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Itqan.Recording.Application.Recordings.ProcessEgressEnded;

/// <summary>
/// An egress reached its end (<c>egress_ended</c>, or reconciliation found it ended): the recording becomes completed
/// with its file, or failed with LiveKit's error. <paramref name="EventId"/> is LiveKit's webhook event id (null when
/// reconciliation found the end); a resent event changes nothing, and neither does a second end of a recording that
/// already ended. An end that arrives before its recording exists waits in the pending events.
/// </summary>
public sealed record ProcessEgressEnded(EgressInfo Egress, string? EventId = null) : ICommand<Result<Success>>;

public sealed class ProcessEgressEndedHandler(
    IApplicationDbContext db,
    ISessionRecordingLock sessionLock,
    IRecordingStorage storage,
    TimeProvider clock,
    ILogger<ProcessEgressEndedHandler> logger) : ICommandHandler<ProcessEgressEnded, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(ProcessEgressEnded command, CancellationToken cancellationToken)
    {
        var egress = command.Egress;
        await using var locked = await LockedRecording.FindByEgressAsync(db, sessionLock, egress.EgressId, command.EventId, cancellationToken);
        if (locked is null)
        {
            logger.LogWarning("Egress {EgressId} ended but no recording knows it yet; the event waits", egress.EgressId);
            var appeared = await EgressEventInbox.ParkAsync(db, command.EventId, EgressEventNames.Ended, egress, clock.GetUtcNow(), cancellationToken);
            return appeared ? await Handle(command, cancellationToken) : new Success();
        }

        var recording = locked.Recording;
        if (locked.EventApplied || !recording.CanMoveTo(RecordingStatus.Completed))
        {
            return new Success();
        }

        var now = clock.GetUtcNow();
        var endedAt = egress.EndedAt ?? now;
        switch (EgressOutcome.Of(egress, storage))
        {
            case EgressOutcome.Finished finished:
                recording.Complete(finished.File, finished.Duration, endedAt, now, finished.Note);
                db.RecordingAuditEntries.Add(RecordingAuditEntry.For(recording, RecordingAuditAction.Completed, null, now, finished.Note));
                logger.LogInformation(
                    "Recording {RecordingId} completed: {SizeBytes} bytes, {Duration}", recording.Id, finished.File.SizeBytes, finished.Duration);
                break;
            case EgressOutcome.Broken broken:
                recording.Fail(broken.Reason, endedAt);
                db.RecordingAuditEntries.Add(RecordingAuditEntry.For(recording, RecordingAuditAction.Failed, null, now, broken.Reason));
                logger.LogWarning("Recording {RecordingId} failed: {Reason}", recording.Id, broken.Reason);
                break;
        }

        await locked.RecordEventAsync(EgressEventNames.Ended, now, cancellationToken);
        try
        {
            await locked.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same event was applied by someone else after we looked: nothing to add.
            logger.LogInformation("Event {EventId} of egress {EgressId} was applied concurrently", command.EventId, egress.EgressId);
        }

        return new Success();
    }
}
