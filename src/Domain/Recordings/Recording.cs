using ItqanRecording.Domain.Common;
using ItqanRecording.Domain.Learning;
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

    /// <summary>What a deleted recording was before (<see cref="Restore"/> brings it back to it); null otherwise.</summary>
    public RecordingStatus? StatusBeforeDeletion { get; private set; }

    /// <summary>
    /// When a deleted recording's files were removed: at once when asked, else when its academy's trash was emptied or
    /// its days in the trash ran out. Until then the recording can be restored.
    /// </summary>
    public DateTimeOffset? FilesRemovedAt { get; private set; }

    public TimeSpan? Duration { get; private set; }

    public RecordingFile? File { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>Whether its students see it; teachers and admins always do (<see cref="RecordingPublication"/>).</summary>
    public RecordingPublication Publication { get; private set; }

    /// <summary>
    /// When its students could last begin to watch it: when it completed already published, or when it was published
    /// once completed. Null until then. Ready notifications tell of this moment (a hide and a new publish is a new one).
    /// </summary>
    public DateTimeOffset? AvailableAt { get; private set; }

    /// <summary>The <see cref="AvailableAt"/> its students were emailed about (<see cref="Announced"/>); null before.</summary>
    public DateTimeOffset? AnnouncedAt { get; private set; }

    /// <summary>The longest name a teacher gives a recording (<see cref="Rename"/>).</summary>
    public const int MaxDisplayNameLength = 200;

    public IReadOnlyDictionary<string, object?> Metadata { get; private set; }

    /// <summary>Why the recording failed, or a note on how it ended (e.g. cut at a limit).</summary>
    public string? ProcessingError { get; private set; }

    public Guid StartedByUserId { get; private set; }

    public Guid? StoppedByUserId { get; private set; }

    /// <summary>The media jobs queued for the file when the recording completed (loaded only where asked for).</summary>
    public IReadOnlyCollection<MediaJob> MediaJobs => _mediaJobs;

    /// <summary>
    /// The parts of a recording that LiveKit cut at its time limit, in order (<see cref="ContinueInNextPart"/>);
    /// empty for a recording of one file. While it records, the finished parts; once completed, all of them, and
    /// <see cref="File"/> is the file they are joined into.
    /// </summary>
    public IReadOnlyList<RecordingPart> Parts { get; private set; } = [];

    /// <summary>When the part now recording was started: null for the first (the recording's own start).</summary>
    public DateTimeOffset? CurrentPartStartedAt { get; private set; }

    /// <summary>Every file the recording keeps in its storage: its file and its parts' files.</summary>
    public IEnumerable<RecordingFile> StoredFiles =>
        File is null ? Parts.Select(p => p.File) : [File, .. Parts.Select(p => p.File)];

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
            Publication = session.RecordingsAwaitReview ? RecordingPublication.AwaitingReview : RecordingPublication.Published,
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
    /// LiveKit cut the recording at its time limit while the class goes on, and egress <paramref name="nextEgressId"/>
    /// already records the rest: the file so far becomes the next part (<see cref="Parts"/>), the recording goes on
    /// as the new egress, and the PartStarted audit entry (by nobody) is returned. Only a recording that is still
    /// recording goes on; one the teacher stopped ends with what it has.
    /// </summary>
    public RecordingAuditEntry ContinueInNextPart(RecordingFile file, TimeSpan duration, string nextEgressId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(nextEgressId);
        if (Status != RecordingStatus.Recording)
        {
            throw new DomainException("recording.not_recording", $"Only a recording that is recording goes on in a next part; this one is {Status}.");
        }

        var part = AddPart(file, duration);
        EgressId = nextEgressId;
        CurrentPartStartedAt = at;
        return RecordingAuditEntry.For(
            this,
            RecordingAuditAction.PartStarted,
            null,
            at,
            $"LiveKit cut part {part.Number} at its time limit after {RecordingFormatting.FormatDuration(duration)}; part {part.Number + 1} records the rest.");
    }

    /// <summary>
    /// The egress wrote the file: the recording becomes completed, and the Completed audit entry (by nobody, at
    /// <paramref name="completedAt"/>) is returned. <paramref name="note"/> explains an unusual end (e.g. a time limit).
    /// Its media jobs are queued, saved with the recording (<see cref="QueueMediaJobs"/>). A recording in parts
    /// takes the file as its last part; its own file is the parts joined into one (<see cref="MediaOutputs.JoinedOf"/>),
    /// which a Join job makes first.
    /// </summary>
    public RecordingAuditEntry Complete(RecordingFile file, TimeSpan duration, DateTimeOffset endedAt, DateTimeOffset completedAt, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration cannot be negative.");
        }

        MoveTo(RecordingStatus.Completed);
        EndedAt ??= endedAt;
        CompletedAt = completedAt;
        if (Publication == RecordingPublication.Published)
        {
            AvailableAt = completedAt;
        }

        if (Parts.Count == 0)
        {
            File = file;
            Duration = duration;
            ProcessingError = note;
            QueueMediaJobs(completedAt);
        }
        else
        {
            AddPart(file, duration);
            File = new RecordingFile(
                MediaOutputs.JoinedOf(Parts[0].File.RelativePath), Parts.Sum(p => p.File.SizeBytes), file.Format, file.Store);
            Duration = Parts.Aggregate(TimeSpan.Zero, (total, p) => total + p.Duration);
            ProcessingError = note ?? $"Recorded in {Parts.Count} parts: LiveKit cut the recording at its time limit each time, and a new part began at once.";
            _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.Join, completedAt));
        }

        return RecordingAuditEntry.For(this, RecordingAuditAction.Completed, null, completedAt, ProcessingError);
    }

    /// <summary>
    /// The Join job made the recording's file from its parts, <paramref name="sizeBytes"/> long: the file's size is
    /// known now, and the media jobs for the whole file are queued. Refused for a recording not in parts.
    /// </summary>
    public void PartsJoined(long sizeBytes, DateTimeOffset at)
    {
        if (Parts.Count == 0 || File is null)
        {
            throw new DomainException("recording.not_in_parts", "Only a completed recording in parts is joined.");
        }

        File = new RecordingFile(File.RelativePath, sizeBytes, File.Format, File.Store);
        QueueMediaJobs(at);
    }

    /// <summary>
    /// The file was copied into <paramref name="store"/> and checked there (same size, same bytes): the recording reads
    /// it from there from now on. Refused for a recording without a file.
    /// </summary>
    public void MoveFileTo(StorageProvider store)
    {
        File = (File ?? throw new DomainException("recording.file_required", "Only a recording with a file can move its file."))
            .MovedTo(store);
        Parts = [.. Parts.Select(p => p with { File = p.File.MovedTo(store) })];
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
    /// deleted, in the academy's trash until its files are removed (<paramref name="filesRemoved"/> when they already
    /// were), and the Deleted audit entry, with <paramref name="details"/>, is returned. A recording still being recorded
    /// is refused (<see cref="RecordingStateMachine"/>).
    /// </summary>
    public RecordingAuditEntry Delete(Guid? deletedByUserId, DateTimeOffset at, bool filesRemoved, string? details = null)
    {
        var before = Status;
        MoveTo(RecordingStatus.Deleted);
        StatusBeforeDeletion = before;
        DeletedAt = at;
        FilesRemovedAt = filesRemoved ? at : null;
        return RecordingAuditEntry.For(this, RecordingAuditAction.Deleted, deletedByUserId, at, details);
    }

    /// <summary>
    /// The trash lets go of a deleted recording: its files were removed (<paramref name="reason"/>: the trash was
    /// emptied, or its days ran out) and it can no longer be restored.
    /// </summary>
    public RecordingAuditEntry MarkFilesRemoved(Guid? byUserId, DateTimeOffset at, string reason)
    {
        if (Status != RecordingStatus.Deleted || FilesRemovedAt is not null)
        {
            throw new DomainException("recording.not_in_trash", "Only a deleted recording whose files are still kept is in the trash.");
        }

        FilesRemovedAt = at;
        return RecordingAuditEntry.For(this, RecordingAuditAction.FilesRemoved, byUserId, at, reason);
    }

    /// <summary>
    /// An admin takes the recording out of the trash: it is again what it was (completed or failed), for everyone who
    /// saw it before. Refused when it is not deleted, when its files are gone, and for one deleted while processing
    /// (its end was never recorded) or before the trash existed. Not a move of <see cref="RecordingStateMachine"/>:
    /// no event of LiveKit may bring a deleted recording back.
    /// </summary>
    public RecordingAuditEntry Restore(Guid restoredByUserId, DateTimeOffset at)
    {
        if (Status != RecordingStatus.Deleted)
        {
            throw new DomainException("recording.not_deleted", "Only a deleted recording is restored.");
        }

        if (FilesRemovedAt is not null)
        {
            throw new DomainException("recording.files_removed", "Its files were removed; it cannot be restored.");
        }

        if (StatusBeforeDeletion is not (RecordingStatus.Completed or RecordingStatus.Failed))
        {
            throw new DomainException("recording.not_restorable", "It was deleted before it was complete (or before the trash existed); it cannot be restored.");
        }

        Status = StatusBeforeDeletion.Value;
        StatusBeforeDeletion = null;
        DeletedAt = null;
        return RecordingAuditEntry.For(this, RecordingAuditAction.Restored, restoredByUserId, at);
    }

    /// <summary>
    /// The teacher or an admin lets the students see the recording (<see cref="RecordingPublication.Published"/>) or
    /// takes it away from them (<see cref="RecordingPublication.Hidden"/>); the audit says who and when. A deleted
    /// recording stays as it is, and a recording cannot be sent back to review.
    /// </summary>
    public RecordingAuditEntry Publish(RecordingPublication publication, Guid byUserId, DateTimeOffset at)
    {
        if (publication == RecordingPublication.AwaitingReview)
        {
            throw new DomainException("recording.invalid_publication", "A recording is published or hidden; it does not go back to review.");
        }

        if (Status == RecordingStatus.Deleted)
        {
            throw new DomainException("recording.deleted", "A deleted recording is neither published nor hidden.");
        }

        if (publication == RecordingPublication.Published && Publication != publication && Status == RecordingStatus.Completed)
        {
            AvailableAt = at;
        }

        Publication = publication;
        return RecordingAuditEntry.For(
            this, publication == RecordingPublication.Published ? RecordingAuditAction.Published : RecordingAuditAction.Hidden, byUserId, at);
    }

    /// <summary>Its students were emailed that it is ready (as of <see cref="AvailableAt"/>). Refused before it is.</summary>
    public void Announced()
    {
        AnnouncedAt = AvailableAt ?? throw new DomainException("recording.not_available", "Only a recording its students can watch is announced.");
    }

    /// <summary>
    /// The teacher or an admin names the recording (<c>Al-Mulk 1–10, revision</c>); surrounding spaces go, the name is
    /// 1 to <see cref="MaxDisplayNameLength"/> characters, a deleted recording keeps its name. The Renamed audit entry
    /// holds the old name.
    /// </summary>
    public RecordingAuditEntry Rename(string displayName, Guid renamedByUserId, DateTimeOffset at)
    {
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxDisplayNameLength)
        {
            throw new DomainException("recording.invalid_name", $"A recording's name is 1 to {MaxDisplayNameLength} characters.");
        }

        if (Status == RecordingStatus.Deleted)
        {
            throw new DomainException("recording.deleted", "A deleted recording keeps its name.");
        }

        var before = DisplayName;
        DisplayName = name;
        return RecordingAuditEntry.For(this, RecordingAuditAction.Renamed, renamedByUserId, at, $"was: {before}");
    }

    /// <summary>
    /// Where a moment of the live class at <paramref name="at"/> lies in the recording: the finished parts' lengths,
    /// then the time since the part now recording was started. Refused for a recording that no longer records.
    /// </summary>
    public TimeSpan OffsetOf(DateTimeOffset at)
    {
        if (Status != RecordingStatus.Recording)
        {
            throw new DomainException("recording.not_recording", "Only a moment of a recording that is recording is marked live.");
        }

        var elapsed = at - (CurrentPartStartedAt ?? StartedAt);
        return Parts.Aggregate(TimeSpan.Zero, (total, p) => total + p.Duration) + (elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
    }

    /// <summary>
    /// A teacher asks the automatic transcriber for the recording's transcript in <paramref name="language"/>: its media
    /// job is queued, queued again when an earlier one ended, and left alone while one is on its way. Only a completed
    /// recording with a file is transcribed.
    /// </summary>
    public MediaJob QueueTranscript(TranscriptLanguage language, DateTimeOffset at)
    {
        if (Status != RecordingStatus.Completed || File is null)
        {
            throw new DomainException("recording.not_completed", $"Only a completed recording is transcribed; this one is {Status}.");
        }

        var task = MediaTasks.TranscriptIn(language);
        var job = _mediaJobs.SingleOrDefault(j => j.Task == task);
        if (job is null)
        {
            job = MediaJob.Queue(Id, task, at);
            _mediaJobs.Add(job);
        }
        else if (job.State is MediaJobState.Done or MediaJobState.Failed)
        {
            job.Requeue(at);
        }

        return job;
    }

    /// <summary>The poster, then a video's seek previews and HLS packaging, or an audio recording's (Ogg) AAC copy.</summary>
    private void QueueMediaJobs(DateTimeOffset at)
    {
        _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.Poster, at));
        if (File!.Format == RecordingFormat.Ogg)
        {
            _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.AacCopy, at));
        }
        else
        {
            _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.SeekPreviews, at));
            _mediaJobs.Add(MediaJob.Queue(Id, MediaTask.Hls, at));
        }
    }

    private RecordingPart AddPart(RecordingFile file, TimeSpan duration)
    {
        var part = new RecordingPart(Parts.Count + 1, EgressId, file, duration);
        Parts = [.. Parts, part];
        return part;
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
