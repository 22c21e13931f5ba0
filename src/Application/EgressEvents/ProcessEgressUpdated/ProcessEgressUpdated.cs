using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents.ProcessEgressUpdated;

/// <summary>
/// An egress changed status (<c>egress_updated</c>, or reconciliation found it ending). ENDING means the file is
/// being finalised — because someone stopped it or the room closed — so a recording still marked as recording moves
/// to processing. Anything else, a resent event, or a late event for a recording that is further along, changes
/// nothing: recordings never move backwards. An ENDING that arrives before its recording exists waits. An egress that
/// LiveKit's time limit cut is not a stop: the recording goes on recording, in a next part once the end arrives.
/// </summary>
public sealed record ProcessEgressUpdatedCommand(EgressInfo Egress, string? EventId = null) : ICommand<Result<Success>>;

public sealed class ProcessEgressUpdatedHandler(EgressEventApplier events, ILogger<ProcessEgressUpdatedHandler> logger)
    : ICommandHandler<ProcessEgressUpdatedCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(ProcessEgressUpdatedCommand command, CancellationToken cancellationToken)
    {
        var egress = command.Egress;
        if (egress.Status != EgressStatus.Ending || egress.IsCutAtLimit)
        {
            return new Success();
        }

        await events.ApplyAsync(
            EgressEventNames.Updated,
            egress,
            command.EventId,
            appliesTo: recording => recording.Status == RecordingStatus.Recording,
            change: (recording, now) =>
            {
                recording.MarkProcessing(stoppedByUserId: null, egress.UpdatedAt ?? now);
                logger.LogInformation("Recording {RecordingId} is processing: egress {EgressId} is ending", recording.Id, egress.EgressId);
                return null;
            },
            cancellationToken);
        return new Success();
    }
}
