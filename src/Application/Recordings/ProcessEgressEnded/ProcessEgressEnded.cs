using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Recordings;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Itqan.Recording.Application.Recordings.ProcessEgressEnded;

/// <summary>
/// An egress reached its end (<c>egress_ended</c>): the recording becomes completed with its file, or failed with
/// LiveKit's error. A recording that already ended is left as it is.
/// </summary>
public sealed record ProcessEgressEnded(EgressInfo Egress) : ICommand<Result<Success>>;

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
        await using var locked = await LockedRecording.FindByEgressAsync(db, sessionLock, egress.EgressId, cancellationToken);
        if (locked is null)
        {
            logger.LogWarning("Egress {EgressId} ended but no recording knows it", egress.EgressId);
            return new Success();
        }

        var recording = locked.Recording;
        if (!recording.CanMoveTo(RecordingStatus.Completed))
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

        await locked.SaveAsync(db, cancellationToken);
        return new Success();
    }
}
