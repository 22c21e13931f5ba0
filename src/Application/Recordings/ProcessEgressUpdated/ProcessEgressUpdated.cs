using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Common.Persistence;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Application.Recordings.ApplyPendingEgressEvents;
using Itqan.Recording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Itqan.Recording.Application.Recordings.ProcessEgressUpdated;

/// <summary>
/// An egress changed status (<c>egress_updated</c>, or reconciliation found it ending). ENDING means the file is
/// being finalised — because someone stopped it or the room closed — so a recording still marked as recording moves
/// to processing. Anything else, a resent event, or a late event for a recording that is further along, changes
/// nothing: recordings never move backwards. An ENDING that arrives before its recording exists waits.
/// </summary>
public sealed record ProcessEgressUpdated(EgressInfo Egress, string? EventId = null) : ICommand<Result<Success>>;

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

        await using var locked = await LockedRecording.FindByEgressAsync(db, sessionLock, egress.EgressId, command.EventId, cancellationToken);
        if (locked is null)
        {
            var appeared = await EgressEventInbox.ParkAsync(db, command.EventId, EgressEventNames.Updated, egress, clock.GetUtcNow(), cancellationToken);
            return appeared ? await Handle(command, cancellationToken) : new Success();
        }

        if (locked.Recording is not { Status: RecordingStatus.Recording } recording || locked.EventApplied)
        {
            return new Success();
        }

        var now = clock.GetUtcNow();
        recording.MarkProcessing(stoppedByUserId: null, egress.UpdatedAt ?? now);
        await locked.RecordEventAsync(EgressEventNames.Updated, now, cancellationToken);
        try
        {
            await locked.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            logger.LogInformation("Event {EventId} of egress {EgressId} was applied concurrently", command.EventId, egress.EgressId);
            return new Success();
        }

        logger.LogInformation("Recording {RecordingId} is processing: egress {EgressId} is ending", recording.Id, egress.EgressId);
        return new Success();
    }
}
