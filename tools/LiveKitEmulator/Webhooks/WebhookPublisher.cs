using ItqanRecording.LiveKitEmulator.Egresses;
using ItqanRecording.LiveKitEmulator.Faults;
using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Webhooks;

/// <summary>
/// Turns egress changes and room closings into LiveKit <c>WebhookEvent</c> bodies (lowerCamelCase, defaults
/// left out) and queues them, applying the drop and reorder faults on the way.
/// </summary>
public sealed class WebhookPublisher(WebhookQueues queues, FaultState faults, TimeProvider time, ILogger<WebhookPublisher> logger)
    : IEgressObserver
{
    private const string EgressStarted = "egress_started";
    private const string EgressUpdated = "egress_updated";
    private const string EgressEnded = "egress_ended";
    private const string RoomFinished = "room_finished";
    private const string ParticipantJoined = "participant_joined";
    private const string ParticipantLeft = "participant_left";

    private readonly Lock _sync = new();
    private readonly Dictionary<string, List<WebhookEnvelope>> _held = new(StringComparer.Ordinal);

    public void OnChanged(EgressSnapshot snapshot, bool created)
    {
        var eventName = created ? EgressStarted : snapshot.Status switch
        {
            EgressStatus.Active or EgressStatus.Ending => EgressUpdated,
            _ when snapshot.Status.IsTerminal() => EgressEnded,
            _ => null,
        };
        if (eventName is null)
        {
            return;
        }

        if (snapshot.Silenced)
        {
            logger.LogInformation("Webhook {Event} for {EgressId} suppressed (silent completion)", eventName, snapshot.EgressId);
            return;
        }

        var room = new ProtoMessage(LiveKitSchema.Room).Set("sid", snapshot.Room.Sid).Set("name", snapshot.Room.Name);
        var body = NewEvent(eventName, room).Set("egress_info", EgressInfoMapper.ToProto(snapshot));
        Route(snapshot.EgressId, Envelope(snapshot.EgressId, eventName, body));
    }

    public void PublishRoomFinished(Room room)
    {
        var roomMessage = new ProtoMessage(LiveKitSchema.Room)
            .Set("sid", room.Sid)
            .Set("name", room.Name)
            .Set("creation_time", room.CreatedAt.ToUnixTimeSeconds())
            .Set("creation_time_ms", room.CreatedAt.ToUnixTimeMilliseconds());
        Route(null, Envelope($"room:{room.Name}", RoomFinished, NewEvent(RoomFinished, roomMessage)));
    }

    /// <summary>
    /// Someone joined (<paramref name="left"/> false) or left the room: <c>participant_joined</c> or
    /// <c>participant_left</c>, queued behind the room's other participant events.
    /// </summary>
    public void PublishParticipant(Room room, Participant participant, bool left)
    {
        var roomMessage = new ProtoMessage(LiveKitSchema.Room).Set("sid", room.Sid).Set("name", room.Name);
        var info = new ProtoMessage(LiveKitSchema.ParticipantInfo)
            .Set("sid", participant.Sid)
            .Set("identity", participant.Identity)
            .Set("state", left ? 3 : 2)
            .Set("joined_at", participant.JoinedAt.ToUnixTimeSeconds())
            .Set("name", participant.Name)
            .Set("joined_at_ms", participant.JoinedAt.ToUnixTimeMilliseconds());
        var eventName = left ? ParticipantLeft : ParticipantJoined;
        Route(null, Envelope($"room:{room.Name}", eventName, NewEvent(eventName, roomMessage).Set("participant", info)));
    }

    /// <summary>Forgets events held back by the reorder fault.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _held.Clear();
        }
    }

    private ProtoMessage NewEvent(string eventName, ProtoMessage room) =>
        new ProtoMessage(LiveKitSchema.WebhookEvent)
            .Set("event", eventName)
            .Set("room", room)
            .Set("id", Ids.New("EV_"))
            .Set("created_at", time.GetUtcNow().ToUnixTimeSeconds());

    private WebhookEnvelope Envelope(string queueKey, string eventName, ProtoMessage body) =>
        new(queueKey, eventName, body.GetString("id"), ProtoJsonWriter.Write(body, ProtoJsonStyle.Webhook), time.GetUtcNow());

    private void Route(string? egressId, WebhookEnvelope envelope)
    {
        var current = faults.Current;
        if (current.DropWebhooks.Contains(envelope.Event, StringComparer.Ordinal))
        {
            logger.LogInformation("Webhook {Event} {EventId} dropped by fault", envelope.Event, envelope.EventId);
            return;
        }

        lock (_sync)
        {
            if (egressId is not null && current.ReorderWebhooks && envelope.Event is EgressStarted or EgressUpdated)
            {
                logger.LogInformation("Webhook {Event} {EventId} held until {EgressId} ends (reorder fault)",
                    envelope.Event, envelope.EventId, egressId);
                if (!_held.TryGetValue(egressId, out var held))
                {
                    _held[egressId] = held = [];
                }

                held.Add(envelope);
                return;
            }

            queues.Enqueue(envelope);
            if (egressId is not null && envelope.Event == EgressEnded && _held.Remove(egressId, out var heldBack))
            {
                var released = time.GetUtcNow();
                heldBack.ForEach(held => queues.Enqueue(held with { QueuedAt = released }));
            }
        }
    }
}
