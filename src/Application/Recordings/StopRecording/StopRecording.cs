using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Recordings.StopRecording;

/// <summary>A teacher or admin stops the session's active recording; LiveKit then finalises the file.</summary>
public sealed record StopRecordingCommand(Guid SessionId, Actor Actor) : ICommand<Result<RecordingResponse>>;

public sealed class StopRecordingHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    ISessionRecordingLock sessionLock,
    IEgressClient egress,
    TimeProvider clock,
    RecordingResponseFactory responses,
    ILogger<StopRecordingHandler> logger) : ICommandHandler<StopRecordingCommand, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(StopRecordingCommand command, CancellationToken cancellationToken)
    {
        var found = await sessions.FindControllableAsync(command.SessionId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var session = found.Value;

        await using var scope = await sessionLock.AcquireAsync(session.Id, cancellationToken);
        var recording = await sessionLock.LockActiveRecordingAsync(session.Id, cancellationToken);
        if (recording is null)
        {
            return RecordingErrors.NoActiveRecording;
        }

        try
        {
            if (await egress.StopIfRunningAsync(recording.EgressId, cancellationToken) is null)
            {
                logger.LogInformation("Egress {EgressId} had already ended when stopped", recording.EgressId);
            }
        }
        catch (EgressException exception)
        {
            logger.LogWarning(exception, "LiveKit refused to stop egress {EgressId}", recording.EgressId);
            return RecordingErrors.LiveKitFailed(exception);
        }

        db.RecordingAuditEntries.Add(recording.Stop(command.Actor.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return responses.Create(recording, command.Actor);
    }
}
