using System.Globalization;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Sessions;

/// <summary>
/// What every kind of live session shares: its academy, schedule, status and LiveKit room. The rules that
/// differ by kind (who may record, who may watch, whether recording is on) live in the subclasses.
/// </summary>
public abstract class LiveSession : IRecordingCapable
{
    protected LiveSession()
    {
        Title = string.Empty;
        Academy = null!;
    }

    protected LiveSession(Guid id, Academy academy, string title, DateTimeOffset scheduledAt, SessionStatus status, string? meetingRoomName)
    {
        ArgumentNullException.ThrowIfNull(academy);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Id = id;
        Academy = academy;
        AcademyId = academy.Id;
        Title = title;
        ScheduledAt = scheduledAt;
        Status = status;
        MeetingRoomName = meetingRoomName;
    }

    public Guid Id { get; private set; }

    public Guid AcademyId { get; private set; }

    public Academy Academy { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    public SessionStatus Status { get; private set; }

    public string? MeetingRoomName { get; private set; }

    public abstract SessionKind Kind { get; }

    public abstract bool IsRecordingEnabled { get; }

    /// <summary>The teacher who leads the session.</summary>
    public abstract Guid TeacherId { get; }

    /// <summary>The course, circle or lesson the session belongs to.</summary>
    public abstract Guid ParentId { get; }

    string? IRecordingCapable.RoomName => MeetingRoomName;

    public RecordingBlocker? FindRecordingBlocker(bool hasActiveRecording)
    {
        if (!IsRecordingEnabled)
        {
            return RecordingBlocker.RecordingDisabled;
        }

        if (string.IsNullOrWhiteSpace(MeetingRoomName))
        {
            return RecordingBlocker.NoMeetingRoom;
        }

        if (Status is not (SessionStatus.Ready or SessionStatus.Ongoing))
        {
            return RecordingBlocker.SessionNotReady;
        }

        return hasActiveRecording ? RecordingBlocker.AlreadyRecording : null;
    }

    /// <summary>The kind's defaults, then the academy's overrides, then what the session itself asks for.</summary>
    public RecordingConfiguration GetRecordingConfiguration(RecordingConfiguration kindDefaults) =>
        AdjustConfiguration(Academy.ApplyOverrides(Kind, kindDefaults));

    public string GetStoragePath(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind.Name}/{at.UtcDateTime:yyyy}/{at.UtcDateTime:MM}");

    public string NewFileName(DateTimeOffset at, RecordingConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"session-{Id:N}-{at.UtcDateTime:yyyyMMdd_HHmmss}.{configuration.Format.FileExtension()}");
    }

    public bool CanControlRecording(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdminOf(AcademyId) || (actor.AcademyId == AcademyId && actor.UserId == TeacherId);
    }

    public bool CanAccessRecordings(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return CanControlRecording(actor) || (actor.AcademyId == AcademyId && StudentIds.Contains(actor.UserId));
    }

    public IReadOnlyDictionary<string, object?> GetRecordingMetadata()
    {
        var metadata = new Dictionary<string, object?>
        {
            ["sessionId"] = Id,
            ["sessionKind"] = Kind.Name,
            ["sessionTitle"] = Title,
            ["scheduledAt"] = ScheduledAt,
            ["academyId"] = AcademyId,
            ["teacherId"] = TeacherId,
            ["parentId"] = ParentId,
        };
        AddKindMetadata(metadata);
        return metadata;
    }

    public bool RecordingsAwaitReview => Academy.ReviewsBeforePublishing(Kind);

    /// <summary>What the session's recordings are called before their start time: its title, unless the kind says better.</summary>
    protected virtual string RecordingTitle => Title;

    /// <summary>The title and the start in the academy's time zone, to the minute, so two recordings of one day differ.</summary>
    public string RecordingDisplayName(DateTimeOffset startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{RecordingTitle} - {Academy.LocalTime(startedAt):yyyy-MM-dd HH:mm}");

    /// <summary>Own switch first, then the academy's, else off: an explicit "off" stays off.</summary>
    protected static bool ResolveRecordingSwitch(bool? own, bool? academy) => own ?? academy ?? false;

    protected virtual RecordingConfiguration AdjustConfiguration(RecordingConfiguration configuration) => configuration;

    public abstract IReadOnlyCollection<Guid> StudentIds { get; }

    protected abstract void AddKindMetadata(IDictionary<string, object?> metadata);
}
