namespace ItqanRecording.Domain.Recordings;

public enum RecordingAuditAction
{
    Started,
    Stopped,
    Completed,
    Failed,
    Streamed,
    Downloaded,
    Deleted,

    /// <summary>LiveKit cut the recording at its time limit and the next part began (<see cref="Recording.ContinueInNextPart"/>).</summary>
    PartStarted,

    /// <summary>The teacher or an admin gave the recording another name (<see cref="Recording.Rename"/>).</summary>
    Renamed,

    /// <summary>The teacher or an admin let the students see it (<see cref="Recording.Publish"/>).</summary>
    Published,

    /// <summary>The teacher or an admin took it away from the students.</summary>
    Hidden,

    /// <summary>An admin took it out of the trash (<see cref="Recording.Restore"/>).</summary>
    Restored,

    /// <summary>A deleted recording's files were removed: the trash was emptied or its days ran out.</summary>
    FilesRemoved,
}

/// <summary>
/// Who did what to a recording, and when. Streams and downloads are kept once per user and day
/// (<see cref="AccessDay"/>), which the database enforces.
/// </summary>
public sealed class RecordingAuditEntry
{
    private RecordingAuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordingId { get; private set; }

    public Guid AcademyId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public RecordingAuditAction Action { get; private set; }

    /// <summary>Null when LiveKit or a background job acted.</summary>
    public Guid? UserId { get; private set; }

    public string? Details { get; private set; }

    /// <summary>The UTC day of a stream or download; null for other actions.</summary>
    public DateOnly? AccessDay { get; private set; }

    public static RecordingAuditEntry For(
        Recording recording, RecordingAuditAction action, Guid? userId, DateTimeOffset at, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return For(recording.Id, recording.AcademyId, action, userId, at, details);
    }

    /// <summary>The same, for a recording known by its id and academy (read without the whole recording).</summary>
    public static RecordingAuditEntry For(
        Guid recordingId, Guid academyId, RecordingAuditAction action, Guid? userId, DateTimeOffset at, string? details = null) =>
        new()
        {
            Id = Guid.CreateVersion7(at),
            RecordingId = recordingId,
            AcademyId = academyId,
            At = at,
            Action = action,
            UserId = userId,
            Details = details,
            AccessDay = action is RecordingAuditAction.Streamed or RecordingAuditAction.Downloaded
                ? DateOnly.FromDateTime(at.UtcDateTime)
                : null,
        };
}
