using ItqanRecording.Domain.Common;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Domain.Recordings;

/// <summary>
/// One recording of a live session by a LiveKit egress. Its status only moves along
/// <see cref="RecordingStateMachine"/>; every change goes through <see cref="MoveTo"/>.
/// </summary>
public sealed class Recording
{
    private readonly List<MediaJob> _mediaJobs = [];

    private Recording()
    {
        EgressId = string.Empty;
        RoomName = string.Empty;
        DisplayName = string.Empty;
        Metadata = new Dictionary<string, object?>();
    }

    public Guid Id { get; private set; }

    public SessionKind SessionKind { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid AcademyId { get; private set; }

    /// <summary>The session's teacher when the recording started, for the catalogue's filters.</summary>
    public Guid TeacherId { get; private set; }

    /// <summary>The course, circle or lesson of the session, for the catalogue's filters.</summary>
    public Guid ParentId { get; private set; }

    public string EgressId { get; private set; }

    public string RoomName { get; private set; }

    public RecordingStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public TimeSpan? Duration { get; private set; }

    public RecordingFile? File { get; private set; }

    public string DisplayName { get; private set; }

    public IReadOnlyDictionary<string, object?> Metadata { get; private set; }

    /// <summary>Why the recording failed, or a note on how it ended (e.g. cut at a limit).</summary>
    public string? ProcessingError { get; private set; }

    public Guid StartedByUserId { get; private set; }

    public Guid? StoppedByUserId { get; private set; }

    /// <summary>The media jobs queued for the file when the recording completed (loaded only where asked for).</summary>
    public IReadOnlyCollection<MediaJob> MediaJobs => _mediaJobs;

    /// <summary>
    /// <paramref name="startedByUserId"/> started recording the session as egress <paramref name="egressId"/>: the new
    /// recording, and the Started audit entry to save with it.
    /// </summary>
    public static (Recording Recording, RecordingAuditEntry Started) Start(
        IRecordingCapable session,
        string egressId,
        Guid startedByUserId,
        DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(egressId);
        var roomName = session.RoomName
            ?? throw new InvalidOperationException("A session without a meeting room cannot be recorded.");

        var recording = new Recording
        {
            Id = Guid.CreateVersion7(startedAt),
            SessionKind = session.Kind,
            SessionId = session.Id,
            AcademyId = session.AcademyId,
            TeacherId = session.TeacherId,
            ParentId = session.ParentId,
            EgressId = egressId,
            RoomName = roomName,
            Status = RecordingStatus.Recording,
            StartedAt = startedAt,
            DisplayName = session.RecordingDisplayName(startedAt),
            Metadata = session.GetRecordingMetadata(),
            StartedByUserId = startedByUserId,
        };
        return (recording, RecordingAuditEntry.For(recording, RecordingAuditAction.Started, startedByUserId, startedAt));
    }

    public bool CanMoveTo(RecordingStatus status) => RecordingStateMachine.CanMove(Status, status);

    /// <summary>Why the recording cannot become <paramref name="status"/> now, or null when it can.</summary>
    public RecordingTransitionRefusal? RefusalToMoveTo(RecordingStatus status) => RecordingStateMachine.Refusal(Status, status);

    /// <summary>The teacher pressed Stop: LiveKit is finalising the file.</summary>
    public void MarkProcessing(Guid? stoppedByUserId, DateTimeOffset endedAt)
    {
        MoveTo(RecordingStatus.Processing);
        StoppedByUserId = stoppedByUserId;
        EndedAt = endedAt;
    }

    /// <summary>
    /// A person (<paramref name="stoppedByUserId"/>) or the service (null, saying why in <paramref name="reason"/>)
    /// stopped the recording: it becomes processing, and the Stopped audit entry to save with it is returned.
    /// </summary>
    public RecordingAuditEntry Stop(Guid? stoppedByUserId, DateTimeOffset at, string? reason = null)
    {
        MarkProcessing(stoppedByUserId, at);
        return RecordingAuditEntry.For(this, RecordingAuditAction.Stopped, stoppedByUserId, at, reason);
    }

    /// <summary>
    /// The egress wrote the file: the recording becomes completed, and the Completed audit entry (by nobody, at
    /// <paramref name="completedAt"/>) is returned. <paramref name="note"/> explains an unusual end (e.g. a time limit).
    /// Its media jobs are queued, saved with the recording: the poster, then a video's seek previews and HLS packaging,
    /// or an audio recording's (Ogg) AAC copy.
    /// </summary>
    public RecordingAuditEntry Complete(RecordingFile file, TimeSpan duration, DateTimeOffset endedAt, DateTimeOffset completedAt, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration cannot be negative.");
        }

        MoveTo(RecordingStatus.Completed);
        File = file;
        Duration = duration;
        EndedAt ??= endedAt;
        CompletedAt = completedAt;
        ProcessingError = note;
        _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.Poster, completedAt));
        if (file.Format == RecordingFormat.Ogg)
        {
            _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.AacCopy, completedAt));
        }
        else
        {
            _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.SeekPreviews, completedAt));
            _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.Hls, completedAt));
        }

        return RecordingAuditEntry.For(this, RecordingAuditAction.Completed, null, completedAt, note);
    }

    /// <summary>
    /// The file was copied into <paramref name="store"/> and checked there (same size, same bytes): the recording reads
    /// it from there from now on. Refused for a recording without a file.
    /// </summary>
    public void MoveFileTo(StorageProvider store)
    {
        File = (File ?? throw new DomainException("recording.file_required", "Only a recording with a file can move its file."))
            .MovedTo(store);
    }

    /// <summary>
    /// The recording has no usable file, for <paramref name="reason"/>: it becomes failed, and the Failed audit entry
    /// (by nobody, at <paramref name="at"/>) is returned. <paramref name="endedAt"/> is when the egress ended, when
    /// LiveKit says so.
    /// </summary>
    public RecordingAuditEntry Fail(string reason, DateTimeOffset at, DateTimeOffset? endedAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        MoveTo(RecordingStatus.Failed);
        ProcessingError = reason;
        EndedAt ??= endedAt ?? at;
        return RecordingAuditEntry.For(this, RecordingAuditAction.Failed, null, at, reason);
    }

    /// <summary>
    /// An admin (<paramref name="deletedByUserId"/>) or the retention job (null) deleted the recording: it stays as
    /// deleted, and the Deleted audit entry, with <paramref name="details"/>, is returned. A recording still being
    /// recorded is refused (<see cref="RecordingStateMachine"/>).
    /// </summary>
    public RecordingAuditEntry Delete(Guid? deletedByUserId, DateTimeOffset at, string? details = null)
    {
        MoveTo(RecordingStatus.Deleted);
        DeletedAt = at;
        return RecordingAuditEntry.For(this, RecordingAuditAction.Deleted, deletedByUserId, at, details);
    }

    private void MoveTo(RecordingStatus target)
    {
        if (RefusalToMoveTo(target) is { } refusal)
        {
            throw new InvalidRecordingTransitionException(Status, target, refusal);
        }

        Status = target;
    }
}
