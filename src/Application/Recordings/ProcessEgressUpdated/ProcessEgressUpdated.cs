using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Recordings;
using Mediator;
using Microsoft.EntityFrameworkCore;
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
    TimeProvider clock,
    ILogger<ProcessEgressUpdatedHandler> logger) : ICommandHandler<ProcessEgressUpdated, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(ProcessEgressUpdated command, CancellationToken cancellationToken)
    {
        var egress = command.Egress;
        var recording = await db.Recordings.SingleOrDefaultAsync(r => r.EgressId == egress.EgressId, cancellationToken);
        if (recording is null || egress.Status != EgressStatus.Ending || recording.Status != RecordingStatus.Recording)
        {
            return new Success();
        }

        recording.MarkProcessing(stoppedByUserId: null, egress.UpdatedAt ?? clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Recording {RecordingId} is processing: egress {EgressId} is ending", recording.Id, egress.EgressId);
        return new Success();
    }
}
