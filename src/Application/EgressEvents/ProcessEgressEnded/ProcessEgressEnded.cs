using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.Extensions.Logging;
using RecordingEntity = ItqanRecording.Domain.Recordings.Recording;

namespace ItqanRecording.Application.EgressEvents.ProcessEgressEnded;

/// <summary>
/// An egress reached its end (<c>egress_ended</c>, or reconciliation found it ended): the recording becomes completed
/// with its file, or failed with LiveKit's error. <paramref name="EventId"/> is LiveKit's webhook event id (null when
/// reconciliation found the end); a resent event changes nothing, and neither does a second end of a recording that
/// already ended. An end that arrives before its recording exists waits in the pending events. An egress LiveKit cut at
/// its time limit while the class goes on is followed at once by the next part (<see cref="NextRecordingPart"/>).
/// </summary>
public sealed record ProcessEgressEndedCommand(EgressInfo Egress, string? EventId = null) : ICommand<Result<Success>>;

public sealed class ProcessEgressEndedHandler(
    EgressEventApplier events,
    IRecordingStorage storage,
    NextRecordingPart nextPart,
    ILogger<ProcessEgressEndedHandler> logger) : ICommandHandler<ProcessEgressEndedCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(ProcessEgressEndedCommand command, CancellationToken cancellationToken)
    {
        // Judged before the recording is locked: the storage may be a network away.
        var outcome = await EgressOutcome.OfAsync(command.Egress, storage, cancellationToken);
        var next = outcome is EgressOutcome.Finished && command.Egress.IsCutAtLimit
            ? await nextPart.StartAfterAsync(command.Egress, cancellationToken)
            : null;
        var continued = false;
        var saved = await events.ApplyAsync(
            EgressEventNames.Ended,
            command.Egress,
            command.EventId,
            appliesTo: recording => recording.CanMoveTo(RecordingStatus.Completed),
            change: (recording, now) =>
            {
                // Still recording under the row lock: no Stop came in between, so the recording goes on.
                continued = next is not null && recording.Status == RecordingStatus.Recording;
                return continued ? Continue(recording, (EgressOutcome.Finished)outcome, next!, now) : End(recording, command.Egress, outcome, now);
            },
            cancellationToken);
        // The next part's own early events (started, active) change nothing for a recording that records; should any
        // have waited for it, reconciliation applies them.
        if (next is not null && !(saved && continued))
        {
            await nextPart.DiscardAsync(next);
        }

        return new Success();
    }

    private RecordingAuditEntry Continue(RecordingEntity recording, EgressOutcome.Finished part, StartedEgress next, DateTimeOffset now)
    {
        nextPart.Taken(next);
        var entry = recording.ContinueInNextPart(part.File, part.Duration, next.Egress.EgressId, now);
        logger.LogInformation(
            "Recording {RecordingId} goes on in part {Part} as egress {EgressId}", recording.Id, recording.Parts.Count + 1, recording.EgressId);
        return entry;
    }

    private RecordingAuditEntry End(RecordingEntity recording, EgressInfo egress, EgressOutcome outcome, DateTimeOffset now)
    {
        var endedAt = egress.EndedAt ?? now;
        if (outcome is EgressOutcome.Finished finished)
        {
            var completed = recording.Complete(finished.File, finished.Duration, endedAt, now, finished.Note);
            logger.LogInformation(
                "Recording {RecordingId} completed: {SizeBytes} bytes, {Duration}", recording.Id, finished.File.SizeBytes, finished.Duration);
            return completed;
        }

        var reason = ((EgressOutcome.Broken)outcome).Reason;
        var failed = recording.Fail(reason, now, endedAt);
        logger.LogWarning("Recording {RecordingId} failed: {Reason}", recording.Id, reason);
        return failed;
    }
}
