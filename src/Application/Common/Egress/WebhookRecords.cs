namespace ItqanRecording.Application.Common.Egress;

/// <summary>
/// A LiveKit webhook event that was applied, keyed by LiveKit's event id: a retry of the same event is
/// recognised and changes nothing.
/// </summary>
public sealed class ProcessedWebhookEvent(string eventId, string eventName, string? egressId, DateTimeOffset processedAt)
{
    public string EventId { get; private set; } = eventId;

    public string EventName { get; private set; } = eventName;

    public string? EgressId { get; private set; } = egressId;

    public DateTimeOffset ProcessedAt { get; private set; } = processedAt;
}

/// <summary>
/// An egress event that arrived before its recording existed (the start transaction had not committed yet, or
/// LiveKit was faster than us). It waits here and is applied when the recording appears: by StartRecordingCommand right
/// after its commit, or by the reconciliation job.
/// </summary>
public sealed class PendingEgressEvent(Guid id, string egressId, string eventId, string eventName, string egressJson, DateTimeOffset receivedAt)
{
    public Guid Id { get; private set; } = id;

    public string EgressId { get; private set; } = egressId;

    public string EventId { get; private set; } = eventId;

    public string EventName { get; private set; } = eventName;

    /// <summary>The event's <c>EgressInfo</c>, written by <see cref="EgressInfoJson"/>.</summary>
    public string EgressJson { get; private set; } = egressJson;

    public DateTimeOffset ReceivedAt { get; private set; } = receivedAt;

    public DateTimeOffset? AppliedAt { get; private set; }

    public void MarkApplied(DateTimeOffset at) => AppliedAt = at;
}
