using System.Diagnostics.CodeAnalysis;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using Mediator;

namespace ItqanRecording.Application.EgressEvents.ReceiveLiveKitWebhook;

/// <summary>Which use case a verified LiveKit webhook asks for (the events of <see cref="EgressEventNames"/>).</summary>
public static class LiveKitWebhookCommands
{
    /// <summary>Someone joined a room: their stay in the class begins (attendance).</summary>
    public const string ParticipantJoined = "participant_joined";

    /// <summary>Someone left a room: their stay ends.</summary>
    public const string ParticipantLeft = "participant_left";

    /// <summary>
    /// Whether the service acts on <paramref name="eventName"/>: the egress events, <c>room_finished</c> and the
    /// participant events. Of any other event only its name and id are read (<see cref="TryCreate"/> ignores it).
    /// </summary>
    public static bool Applies(string eventName) =>
        IsEgressEvent(eventName) || eventName is EgressEventNames.RoomFinished or ParticipantJoined or ParticipantLeft;

    private static bool IsEgressEvent(string eventName) => eventName.StartsWith("egress_", StringComparison.Ordinal);

    /// <summary>
    /// The command that applies <paramref name="webhook"/>, or null for an event the service does not use (it is
    /// acknowledged and ignored). False, with the <paramref name="error"/>, when an <c>egress_*</c> event carries no
    /// <c>egressInfo</c>.
    /// </summary>
    public static bool TryCreate(
        LiveKitWebhookEvent webhook, out ICommand<Result<Success>>? command, [NotNullWhen(false)] out Error? error)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        error = null;
        if (!Applies(webhook.Event))
        {
            command = null;
            return true;
        }

        if (webhook.Egress is null && IsEgressEvent(webhook.Event))
        {
            command = null;
            error = new Error("webhook.malformed", $"The {webhook.Event} event carries no egressInfo.", ErrorType.Validation);
            return false;
        }

        command = webhook switch
        {
            { Event: EgressEventNames.RoomFinished } => new ProcessRoomFinished.ProcessRoomFinishedCommand(webhook.RoomName ?? ""),
            { Event: ParticipantJoined or ParticipantLeft, Participant: { } participant, RoomName: { } room } =>
                new Learning.RecordPresence.RecordPresenceCommand(
                    room, participant, webhook.Event == ParticipantLeft, webhook.CreatedAt),
            { Egress: { } egress } => ForEgressEvent(webhook.Event, egress, webhook.Id),
            _ => null,
        };
        return true;
    }

    /// <summary>
    /// The command that applies the egress event <paramref name="eventName"/> (a webhook's, or one that waited for
    /// its recording), or null for an event the service does not use.
    /// </summary>
    public static ICommand<Result<Success>>? ForEgressEvent(string eventName, EgressInfo egress, string? eventId) => eventName switch
    {
        EgressEventNames.Started => new ProcessEgressStarted.ProcessEgressStartedCommand(egress),
        EgressEventNames.Updated => new ProcessEgressUpdated.ProcessEgressUpdatedCommand(egress, eventId),
        EgressEventNames.Ended => new ProcessEgressEnded.ProcessEgressEndedCommand(egress, eventId),
        _ => null,
    };
}
