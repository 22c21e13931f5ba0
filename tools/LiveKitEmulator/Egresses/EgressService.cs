using ItqanRecording.LiveKitEmulator.Faults;
using ItqanRecording.LiveKitEmulator.Protocol;
using ItqanRecording.LiveKitEmulator.Twirp;
using ItqanRecording.LiveKitEmulator.Uploads;

namespace ItqanRecording.LiveKitEmulator.Egresses;

/// <summary>The <c>livekit.Egress</c> methods: StartRoomCompositeEgress, StopEgress and ListEgress.</summary>
public sealed class EgressService(
    EgressStore store,
    RoomRegistry rooms,
    FileOutputPlanner planner,
    EgressLifecycle lifecycle,
    IEgressObserver observer,
    FaultState faults,
    TimeProvider time,
    ILogger<EgressService> logger)
{
    private const string EgressNotFound = "egress does not exist";

    public async Task<TwirpOutcome> StartRoomCompositeAsync(ProtoMessage request, CancellationToken cancellationToken)
    {
        // Not cancelled with the request: a Start on its way arrives whether or not its client still waits.
        await Task.Delay(TimeSpan.FromMilliseconds(faults.Current.StartArrivesAfterMs), time, CancellationToken.None);
        store.CountStartCall();
        var delay = TimeSpan.FromMilliseconds(faults.Current.StartDelayMs);
        if (faults.TakeFailure(FaultPoint.Start) is { } failure)
        {
            await Task.Delay(delay, time, cancellationToken);
            return failure;
        }

        var started = Start(request);
        await Task.Delay(delay, time, cancellationToken);
        return started.Error is { } error
            ? TwirpOutcome.Fail(error)
            : TwirpOutcome.Ok(EgressInfoMapper.ToProto(started.Value!.Snapshot()));
    }

    public async Task<TwirpOutcome> StopAsync(ProtoMessage request, CancellationToken cancellationToken)
    {
        var egressId = request.GetString("egress_id");
        store.CountStopCall(egressId);
        var delay = TimeSpan.FromMilliseconds(faults.Current.StopDelayMs);
        var outcome = faults.TakeFailure(FaultPoint.Stop) ?? Stop(egressId);
        await Task.Delay(delay, time, cancellationToken);
        return outcome;
    }

    public TwirpOutcome List(ProtoMessage request) => faults.TakeFailure(FaultPoint.List) ?? ListEgress(request);

    private Result<Egress> Start(ProtoMessage request)
    {
        var roomName = request.GetString("room_name");
        if (roomName.Length == 0)
        {
            return TwirpError.NotFound("requested room does not exist");
        }

        var fileOutputs = request.GetMessages("file_outputs");
        if (fileOutputs.Count > 1)
        {
            return TwirpError.InvalidArgument("request has missing or invalid field: multiple file outputs");
        }

        var fileOutput = fileOutputs.Count == 1 ? fileOutputs[0] : request.GetMessage("file");
        if (fileOutput is null)
        {
            return TwirpError.InvalidArgument("request has missing or invalid field: output");
        }

        var room = rooms.Get(roomName);
        var egressId = Ids.New("EG_");
        var plan = planner.Plan(request, fileOutput, room, egressId);
        if (plan.Error is { } planError)
        {
            return planError;
        }

        // Like an audio-only room composite without a template, recorded without Chrome.
        var sdkSource = request.GetBool("audio_only") && request.GetString("layout").Length == 0
            && request.GetString("custom_base_url").Length == 0;
        var egress = Egress.Start(egressId, room, RequestEcho.WithoutCredentials(request), sdkSource, plan.Value!, time.GetUtcNow(), store.NextSequence(), observer);
        store.Add(egress);
        logger.LogInformation("Egress {EgressId} started for room {RoomName}, file {Filename}",
            egressId, roomName, plan.Value!.Filename);
        lifecycle.ScheduleActivation(egress);
        return egress;
    }

    private TwirpOutcome Stop(string egressId)
    {
        if (store.Find(egressId) is not { } egress)
        {
            return TwirpOutcome.Fail(TwirpError.NotFound(EgressNotFound));
        }

        var (outcome, snapshot) = egress.Stop(time.GetUtcNow());
        logger.LogInformation("StopEgress {EgressId}: {Outcome} ({Status})", egressId, outcome, snapshot.Status);
        if (outcome == StopOutcome.Refused)
        {
            var status = LiveKitSchema.EgressStatus.NameOf((int)snapshot.Status);
            return TwirpOutcome.Fail(TwirpError.FailedPrecondition($"egress with status {status} cannot be stopped"));
        }

        if (outcome == StopOutcome.Ending)
        {
            lifecycle.ScheduleFinish(egress);
        }

        return TwirpOutcome.Ok(EgressInfoMapper.ToProto(snapshot));
    }

    private TwirpOutcome ListEgress(ProtoMessage request)
    {
        var egressId = request.GetString("egress_id");
        var roomName = request.GetString("room_name");
        var activeOnly = request.GetBool("active");
        IEnumerable<EgressSnapshot> items;
        if (egressId.Length > 0)
        {
            if (store.Find(egressId) is not { } egress)
            {
                return TwirpOutcome.Fail(TwirpError.NotFound(EgressNotFound));
            }

            items = [egress.Snapshot()];
        }
        else
        {
            items = store.All().Select(e => e.Snapshot()).Where(s => roomName.Length == 0 || s.Room.Name == roomName);
        }

        var response = new ProtoMessage(LiveKitSchema.ListEgressResponse).Set(
            "items",
            items.Where(s => !activeOnly || !s.Status.IsTerminal()).Select(s => (object)EgressInfoMapper.ToProto(s)).ToList());
        return TwirpOutcome.Ok(response);
    }
}
