using ItqanRecording.LiveKitEmulator.Egresses;
using ItqanRecording.LiveKitEmulator.Faults;
using ItqanRecording.LiveKitEmulator.Twirp;
using ItqanRecording.LiveKitEmulator.Webhooks;

namespace ItqanRecording.LiveKitEmulator.Control;

/// <summary>Test-only operations behind <c>/_emulator</c>: things that happen in a real deployment without an API call.</summary>
public sealed class EmulatorControl(
    EgressStore store,
    RoomRegistry rooms,
    EgressLifecycle lifecycle,
    WebhookPublisher publisher,
    WebhookQueues queues,
    FaultState faults,
    TimeProvider time,
    ILogger<EmulatorControl> logger)
{
    /// <summary>The room closes: its recording egress end ("Source closed") and <c>room_finished</c> is sent.</summary>
    public (Room Room, IReadOnlyList<string> EndedEgressIds) FinishRoom(string roomName)
    {
        var room = rooms.Get(roomName);
        var now = time.GetUtcNow();
        var ended = new List<string>();
        foreach (var egress in store.All().Where(e => e.RoomName == roomName))
        {
            if (egress.TryBeginEnding(now, Egress.EndReasonSourceClosed))
            {
                lifecycle.ScheduleFinish(egress);
                ended.Add(egress.Id);
            }
        }

        publisher.PublishRoomFinished(room);
        logger.LogInformation("Room {RoomName} finished; ending egress {EgressIds}", roomName, ended);
        return (room, ended);
    }

    /// <summary>Someone joins the room, as the academy's app lets a student in: <c>participant_joined</c>.</summary>
    public Participant Join(string roomName, string identity, string? name)
    {
        var participant = rooms.Join(roomName, identity, string.IsNullOrWhiteSpace(name) ? identity : name);
        publisher.PublishParticipant(rooms.Get(roomName), participant, left: false);
        return participant;
    }

    /// <summary>They leave: <c>participant_left</c>; null when they were not in the room.</summary>
    public Participant? Leave(string roomName, string identity)
    {
        var participant = rooms.Leave(roomName, identity);
        if (participant is not null)
        {
            publisher.PublishParticipant(rooms.Get(roomName), participant, left: true);
        }

        return participant;
    }

    /// <summary>The server no longer knows the egress, as after its retention ran out.</summary>
    public bool Forget(string egressId)
    {
        lifecycle.Cancel(egressId);
        var forgotten = store.Remove(egressId);
        logger.LogInformation("Egress {EgressId} forgotten: {Forgotten}", egressId, forgotten);
        return forgotten;
    }

    /// <summary>Ends the egress and writes its file now; when <paramref name="silent"/>, without any webhook.</summary>
    public async Task<Result<EgressSnapshot>> CompleteAsync(string egressId, bool silent, CancellationToken cancellationToken)
    {
        if (store.Find(egressId) is not { } egress)
        {
            return TwirpError.NotFound("egress does not exist");
        }

        lifecycle.Cancel(egressId);
        if (silent)
        {
            egress.Silence();
        }

        egress.TryBeginEnding(time.GetUtcNow(), Egress.EndReasonSourceClosed);
        await lifecycle.FinishAsync(egress, cancellationToken);
        var snapshot = egress.Snapshot();
        logger.LogInformation("Egress {EgressId} completed by control (silent: {Silent}): {Status}", egressId, silent, snapshot.Status);
        return snapshot.Status.IsTerminal()
            ? snapshot
            : TwirpError.FailedPrecondition($"egress {egressId} is {snapshot.Status} and could not be completed");
    }

    public void Reset()
    {
        lifecycle.CancelAll();
        queues.Clear();
        publisher.Clear();
        store.Clear();
        rooms.Clear();
        faults.Reset();
        logger.LogInformation("Emulator reset");
    }
}
