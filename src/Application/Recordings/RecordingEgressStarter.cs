using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Application.EgressEvents;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Recordings;

/// <summary>An egress LiveKit started for a session, and the start intent committed before it was asked.</summary>
public sealed record StartedEgress(EgressInfo Egress, EgressStartIntent Intent);

/// <summary>
/// Asks LiveKit to record a session, as a teacher's Start does and as the next part of a recording cut at LiveKit's
/// limit does: the plan from the session's configuration, a new file in the recordings storage, and a start intent
/// committed before LiveKit is asked. The caller deletes the intent in the transaction that saves what it started;
/// if it never does (it failed, the process died), reconciliation finds the intent and stops what LiveKit started.
/// </summary>
public sealed class RecordingEgressStarter(
    IApplicationDbContext db,
    IEgressStartIntents intents,
    IEgressClient egress,
    IRecordingStorage storage,
    IOptions<RecordingOptions> options,
    TimeProvider clock,
    ILogger<RecordingEgressStarter> logger)
{
    public async Task<Result<StartedEgress>> StartAsync(IRecordingCapable session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
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

        var intent = new EgressStartIntent(Guid.CreateVersion7(now), session.Id, request.RoomName, request.Destination.FilePath, now);
        await intents.RecordAsync(intent, cancellationToken);
        try
        {
            return new StartedEgress(await egress.StartRoomCompositeEgressAsync(request, cancellationToken), intent);
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
    }
}
