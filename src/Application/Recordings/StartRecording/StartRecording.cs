using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Persistence;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.EgressEvents;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Recordings.StartRecording;

/// <summary>A teacher or admin starts recording a live session.</summary>
public sealed record StartRecordingCommand(Guid SessionId, Actor Actor) : ICommand<Result<RecordingResponse>>;

public sealed class StartRecordingHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    ISessionRecordingLock sessionLock,
    IEgressStartIntents intents,
    IEgressClient egress,
    IRecordingStorage storage,
    IOptions<RecordingOptions> options,
    TimeProvider clock,
    RecordingResponseFactory responses,
    ISender sender,
    ILogger<StartRecordingHandler> logger) : ICommandHandler<StartRecordingCommand, Result<RecordingResponse>>
{
    public async ValueTask<Result<RecordingResponse>> Handle(StartRecordingCommand command, CancellationToken cancellationToken)
    {
        var found = await sessions.FindControllableAsync(command.SessionId, command.Actor, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var session = found.Value;

        var locked = await sessionLock.AcquireAndReadActivityAsync(session.Id, cancellationToken);
        await using var scope = locked.Scope;
        if (session.FindRecordingBlocker(locked.IsRecording) is { } blocker)
        {
            return RecordingErrors.NotRecordable(blocker);
        }

        var now = clock.GetUtcNow();
        var plan = session.PlanRecording(options.Value.DefaultsFor(session.Kind), now);
        var configuration = plan.Configuration;
        var request = new RoomCompositeEgressRequest(
            plan.RoomName,
            configuration.Layout,
            configuration.EncodingPreset,
            configuration.AudioOnly,
            configuration.Format == RecordingFormat.Ogg ? EgressFileType.Ogg : EgressFileType.Mp4,
            storage.DestinationFor(plan.RelativePath));

        // Committed before LiveKit is asked, deleted with the recording's insert: if anything below fails or the
        // process dies, reconciliation finds the intent and stops what LiveKit started for it.
        var intent = new EgressStartIntent(Guid.CreateVersion7(now), session.Id, request.RoomName, request.Destination.FilePath, now);
        await intents.RecordAsync(intent, cancellationToken);
        EgressInfo started;
        try
        {
            started = await egress.StartRoomCompositeEgressAsync(request, cancellationToken);
        }
        catch (EgressException exception)
        {
            logger.LogWarning(exception, "LiveKit refused to start recording session {SessionId}", session.Id);
            if (exception.Failure == EgressFailure.Timeout)
            {
                // LiveKit may have started the egress and only its answer was lost (Start is not idempotent). What
                // this look misses (a Start that reaches LiveKit later) is left to the intent.
                await new OrphanedEgress(egress, db, logger).StopUnknownInRoomAsync(request.RoomName);
                return RecordingErrors.StartTimedOut;
            }

            return RecordingErrors.LiveKitFailed(exception);
        }

        var (recording, startedEntry) = Domain.Recordings.Recording.Start(session, started.EgressId, command.Actor.UserId, now);
        try
        {
            db.EgressStartIntents.Remove(intent);
            db.Recordings.Add(recording);
            db.RecordingAuditEntries.Add(startedEntry);
            await db.SaveChangesAsync(cancellationToken);
            await scope.CommitAsync(cancellationToken);
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
        if (await ApplyEventsThatArrivedFirstAsync(recording.EgressId) > 0)
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
