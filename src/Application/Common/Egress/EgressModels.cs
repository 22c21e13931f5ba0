namespace ItqanRecording.Application.Common.Egress;

/// <summary>LiveKit's <c>EgressStatus</c>, in protocol order.</summary>
public enum EgressStatus
{
    Starting = 0,
    Active = 1,
    Ending = 2,
    Complete = 3,
    Failed = 4,
    Aborted = 5,
    LimitReached = 6,
}

/// <summary>LiveKit's <c>EncodedFileType</c>.</summary>
public enum EgressFileType
{
    DefaultFileType = 0,
    Mp4 = 1,
    Ogg = 2,
}

/// <summary>What we ask LiveKit to record: one room composite written to one file.</summary>
public sealed record RoomCompositeEgressRequest(
    string RoomName,
    string Layout,
    string Preset,
    bool AudioOnly,
    EgressFileType FileType,
    EgressFileDestination Destination);

/// <summary>
/// Where the egress puts the file: <see cref="FilePath"/> on its own disk, or, with an <see cref="Upload"/>, the
/// object key it uploads the file under.
/// </summary>
public sealed record EgressFileDestination(string FilePath, S3Upload? Upload = null);

/// <summary>
/// LiveKit's <c>S3Upload</c>: the bucket the egress uploads to, with the credentials it signs with (not the API's
/// own) and, for S3-compatible stores, their endpoint and path-style addressing.
/// </summary>
public sealed record S3Upload(string AccessKey, string Secret, string Region, string? Endpoint, string Bucket, bool ForcePathStyle)
{
    /// <summary>Never the secret: records are logged and shown in test failures.</summary>
    public override string ToString() => $"S3Upload {{ Bucket = {Bucket}, Endpoint = {Endpoint}, Region = {Region}, AccessKey = {AccessKey} }}";
}

/// <summary>One file an egress wrote (<c>FileInfo</c>). Duration and timestamps are converted from nanoseconds.</summary>
public sealed record EgressFileResult(
    string Filename,
    string Location,
    long SizeBytes,
    TimeSpan Duration,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt);

/// <summary>The parts of LiveKit's <c>EgressInfo</c> the service uses.</summary>
public sealed record EgressInfo(
    string EgressId,
    string RoomName,
    EgressStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? UpdatedAt,
    string Error,
    int ErrorCode,
    string Details,
    IReadOnlyList<EgressFileResult> FileResults)
{
    /// <summary>LiveKit's end reason of an egress cut at its time limit, in <see cref="Details"/> (<c>End reason: …</c>).</summary>
    public const string LimitEndReason = "Session limit reached";

    public bool IsTerminal => Status is EgressStatus.Complete or EgressStatus.Failed
        or EgressStatus.Aborted or EgressStatus.LimitReached;

    /// <summary>Ending, or ended, because LiveKit's time limit cut it (not a Stop, not the room closing).</summary>
    public bool IsCutAtLimit => Status == EgressStatus.LimitReached || Details.EndsWith(LimitEndReason, StringComparison.Ordinal);
}

/// <summary>Filters of <c>ListEgress</c>; all optional.</summary>
public sealed record EgressListFilter(string? RoomName = null, string? EgressId = null, bool ActiveOnly = false);

/// <summary>
/// A verified LiveKit webhook (<c>WebhookEvent</c>). <see cref="Egress"/> is set for <c>egress_*</c> events,
/// <see cref="Participant"/> for <c>participant_*</c> ones.
/// </summary>
public sealed record LiveKitWebhookEvent(
    string Id,
    string Event,
    DateTimeOffset? CreatedAt,
    string? RoomName,
    EgressInfo? Egress,
    LiveKitParticipant? Participant = null);

/// <summary>
/// Who a <c>participant_*</c> event is about (<c>ParticipantInfo</c>): the connection's SID (new on every join), the
/// identity the academy's token gave, the name shown, when they joined, and whether it is the recorder itself.
/// </summary>
public sealed record LiveKitParticipant(string Sid, string Identity, string Name, DateTimeOffset? JoinedAt, bool IsRecorder);
