namespace ItqanRecording.Application.Common.Egress;

/// <summary>
/// A Start about to ask LiveKit for an egress: committed before the call, deleted in the transaction that saves its
/// recording. So after LiveKit may have begun recording there is always a recording or an intent. An intent left
/// behind (the API died before its commit, the Start failed, or LiveKit received it only after we gave up) is settled
/// by reconciliation: the room's egress that no recording knows are stopped, then the intent is deleted. It is not a
/// recording and shows in no list or statistic.
/// </summary>
public sealed class EgressStartIntent(Guid id, Guid sessionId, string roomName, string filePath, DateTimeOffset requestedAt)
{
    public Guid Id { get; private set; } = id;

    public Guid SessionId { get; private set; } = sessionId;

    /// <summary>The LiveKit room the Start asked to record.</summary>
    public string RoomName { get; private set; } = roomName;

    /// <summary>The egress-side file path the Start asked for: it names the egress for an operator.</summary>
    public string FilePath { get; private set; } = filePath;

    public DateTimeOffset RequestedAt { get; private set; } = requestedAt;
}
