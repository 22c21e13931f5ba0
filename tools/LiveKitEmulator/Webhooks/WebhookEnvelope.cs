namespace ItqanRecording.LiveKitEmulator.Webhooks;

/// <param name="QueueKey">Events with the same key go out in order, one at a time (LiveKit: per egress, per room).</param>
/// <param name="Body">The exact bytes sent and hashed; retries and duplicates resend them unchanged.</param>
public sealed record WebhookEnvelope(string QueueKey, string Event, string EventId, byte[] Body, DateTimeOffset QueuedAt);
