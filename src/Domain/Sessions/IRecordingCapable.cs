using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Sessions;

/// <summary>
/// What a live session must answer to be recorded. Every session kind implements it; the Application's use cases
/// only ever talk to this contract (docs/adr/0012-recording-capable-contract.md), so a new kind is a new class and
/// its registration, not edits across the use cases.
/// </summary>
public interface IRecordingCapable
{
    Guid Id { get; }

    SessionKind Kind { get; }

    Guid AcademyId { get; }

    string Title { get; }

    DateTimeOffset ScheduledAt { get; }

    SessionStatus Status { get; }

    /// <summary>The teacher who leads the session.</summary>
    Guid TeacherId { get; }

    /// <summary>The course, circle or lesson the session belongs to.</summary>
    Guid ParentId { get; }

    /// <summary>The LiveKit room, or null when the session has no meeting room yet.</summary>
    string? RoomName { get; }

    bool IsRecordingEnabled { get; }

    /// <summary>Why it cannot be recorded now, or null when it can.</summary>
    RecordingBlocker? FindRecordingBlocker(bool hasActiveRecording);

    bool CanBeRecorded(bool hasActiveRecording) => FindRecordingBlocker(hasActiveRecording) is null;

    /// <summary>
    /// What LiveKit is to record when a recording starts at <paramref name="at"/>: the room, the configuration (from
    /// <paramref name="kindDefaults"/>) and the file's path under the storage root. Ask only once
    /// <see cref="FindRecordingBlocker"/> found nothing: a session without a room cannot be planned.
    /// </summary>
    RecordingPlan PlanRecording(RecordingConfiguration kindDefaults, DateTimeOffset at)
    {
        var room = RoomName ?? throw new InvalidOperationException($"Session {Id} has no meeting room to record.");
        var configuration = GetRecordingConfiguration(kindDefaults);
        return new RecordingPlan(room, configuration, $"{GetStoragePath(at)}/{NewFileName(at, configuration)}");
    }

    /// <summary>This session's configuration, starting from the defaults for its kind.</summary>
    RecordingConfiguration GetRecordingConfiguration(RecordingConfiguration kindDefaults);

    /// <summary>Folder under the storage root, e.g. <c>interactive/2026/11</c>.</summary>
    string GetStoragePath(DateTimeOffset at);

    /// <summary>A new file name, e.g. <c>session-{id}-20261125_143025.mp4</c>.</summary>
    string NewFileName(DateTimeOffset at, RecordingConfiguration configuration);

    bool CanControlRecording(Actor actor);

    /// <summary>The users who take part as students: whose attendance and catching up the teacher follows.</summary>
    IReadOnlyCollection<Guid> StudentIds { get; }

    bool CanAccessRecordings(Actor actor);

    /// <summary>Whether its recordings wait for the teacher's review before its students see them (the academy's choice for the kind).</summary>
    bool RecordingsAwaitReview { get; }

    /// <summary>The base fields every kind shares plus the kind's own.</summary>
    IReadOnlyDictionary<string, object?> GetRecordingMetadata();

    /// <summary>
    /// How a recording started at <paramref name="startedAt"/> is called, e.g. <c>Tajweed - Session 3 - 2026-11-25 19:30</c>
    /// (the start in the academy's time zone).
    /// </summary>
    string RecordingDisplayName(DateTimeOffset startedAt);
}
