using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.EgressEvents.ProcessEgressStarted;

/// <summary>
/// LiveKit stored a new egress (<c>egress_started</c>). The recording already exists from StartRecordingCommand, so this
/// only confirms it; the status is usually still STARTING.
/// </summary>
public sealed record ProcessEgressStartedCommand(EgressInfo Egress) : ICommand<Result<Success>>;

public sealed class ProcessEgressStartedHandler(IApplicationDbContext db, ILogger<ProcessEgressStartedHandler> logger)
    : ICommandHandler<ProcessEgressStartedCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(ProcessEgressStartedCommand command, CancellationToken cancellationToken)
    {
        // The event changes nothing; the database is asked only for the log line, when it is written.
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return new Success();
        }

        var known = await db.Recordings.AnyAsync(r => r.EgressId == command.Egress.EgressId, cancellationToken);
        logger.LogInformation(
            "Egress {EgressId} started in room {RoomName}; known recording: {Known}",
            command.Egress.EgressId,
            command.Egress.RoomName,
            known);
        return new Success();
    }
}
