using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Persistence;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.EgressEvents;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Application.Recordings.StartRecording;

/// <summary>A teacher or admin starts recording a live session.</summary>
public sealed record StartRecordingCommand(Guid SessionId, Actor Actor) : ICommand<Result<RecordingResponse>>;

public sealed class StartRecordingHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    ISessionRecordingLock sessionLock,
    RecordingEgressStarter starter,
    IEgressClient egress,
    RecordingResponseFactory responses,
    ISender sender,
    ILogger<StartRecordingHandler> logger) : ICommandHandler<StartRecordingCommand, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(StartRecordingCommand command, CancellationToken cancellationToken)
    {
        // The lock first: its round trip also reads the session's kind, so the session then loads in one statement
        // even on an instance that never loaded it (issue #16). A refused Start holds the lock while the session loads.
        var locked = await sessionLock.AcquireAndReadActivityAsync(command.SessionId, cancellationToken);
        await using var scope = locked.Scope;
        var found = await sessions.FindControllableAsync(command.SessionId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var session = found.Value;
        if (session.FindRecordingBlocker(locked.IsRecording) is { } blocker)
        {
            return RecordingErrors.NotRecordable(blocker);
        }

        // The start intent is deleted with the recording's insert.
        var start = await starter.StartAsync(session, cancellationToken);
        if (!start.IsSuccess)
        {
            return start.Error;
        }

        var (started, intent) = start.Value;
        var (recording, startedEntry) = Domain.Recordings.Recording.Start(session, started.EgressId, command.Actor.UserId, intent.RequestedAt);
        bool eventsWait;
        try
        {
            db.EgressStartIntents.Remove(intent);
            db.Recordings.Add(recording);
            db.RecordingAuditEntries.Add(startedEntry);
            await db.SaveChangesAsync(cancellationToken);
            eventsWait = await scope.CommitAndFindWaitingEventsAsync(recording.EgressId, cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Saving recording of session {SessionId} failed; stopping egress {EgressId}", session.Id, started.EgressId);
            await new OrphanedEgress(egress, db, logger).StopAsync(started.EgressId);
            if (exception.IsDatabaseFailure())
            {
                return RecordingErrors.NotSaved;
            }

            throw;
        }

        logger.LogInformation("Recording {RecordingId} of session {SessionId} started as egress {EgressId}", recording.Id, session.Id, recording.EgressId);
        if (eventsWait && await ApplyEventsThatArrivedFirstAsync(recording.EgressId) > 0)
        {
            recording = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recording.Id, CancellationToken.None);
        }

        return responses.Create(recording, command.Actor);
    }

    /// <summary>
    /// LiveKit's events for this egress may have arrived before our commit and are waiting; apply them now. The
    /// recording is saved either way: a failure here is left to the reconciliation job.
    /// </summary>
    /// <returns>How many events were applied.</returns>
    private async Task<int> ApplyEventsThatArrivedFirstAsync(string egressId)
    {
        try
        {
            return await sender.Send(new EgressEvents.ApplyPendingEgressEvents.ApplyPendingEgressEventsCommand(egressId), CancellationToken.None);
        }
        catch (Exception exception) when (exception.IsDatabaseFailure() || exception is InvalidOperationException)
        {
            logger.LogWarning(exception, "Could not apply the waiting events of egress {EgressId}", egressId);
            return 0;
        }
    }
}
