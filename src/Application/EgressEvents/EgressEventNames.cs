namespace ItqanRecording.Application.EgressEvents;

/// <summary>LiveKit's webhook event names that change recordings.</summary>
public static class EgressEventNames
{
    public const string Started = "egress_started";

    public const string Updated = "egress_updated";

    public const string Ended = "egress_ended";

    public const string RoomFinished = "room_finished";
}
