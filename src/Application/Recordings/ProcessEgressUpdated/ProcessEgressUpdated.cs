using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Recordings;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Itqan.Recording.Application.Recordings.ProcessEgressUpdated;

/// <summary>
/// An egress changed status (<c>egress_updated</c>). ENDING means the file is being finalised — because someone
/// stopped it or the room closed — so a recording still marked as recording moves to processing. Anything
/// else, or a late event for a recording that is further along, changes nothing.
/// </summary>
public sealed record ProcessEgressUpdated(EgressInfo Egress) : ICommand<Result<Success>>;

public sealed class ProcessEgressUpdatedHandler(
    IApplicationDbContext db,
    ISessionRecordingLock sessionLock,
    TimeProvider clock,
    ILogger<ProcessEgressUpdatedHandler> logger) : ICommandHandler<ProcessEgressUpdated, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(ProcessEgressUpdated command, CancellationToken cancellationToken)
    {
        var egress = command.Egress;
        if (egress.Status != EgressStatus.Ending)
        {
            return new Success();
        }

        await using var locked = await LockedRecording.FindByEgressAsync(db, sessionLock, egress.EgressId, cancellationToken);
        if (locked?.Recording is not { Status: RecordingStatus.Recording } recording)
        {
            return new Success();
        }

        recording.MarkProcessing(stoppedByUserId: null, egress.UpdatedAt ?? clock.GetUtcNow());
        await locked.SaveAsync(db, cancellationToken);
        logger.LogInformation("Recording {RecordingId} is processing: egress {EgressId} is ending", recording.Id, egress.EgressId);
        return new Success();
    }
}
