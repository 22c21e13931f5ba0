using ItqanRecording.Domain.Common;

namespace ItqanRecording.Domain.Learning;

public enum RecordingMarkKind
{
    /// <summary>The teacher's: everyone who may watch the recording sees it, as a chapter of the player.</summary>
    Chapter,

    /// <summary>A student's own: nobody else sees it.</summary>
    Bookmark,
}

/// <summary>
/// A moment of a recording with a label: a chapter the teacher marked during the class (or added afterwards), or a
/// student's private bookmark. <see cref="AtSeconds"/> is the moment's offset into the recording's one timeline (its
/// parts one after the other).
/// </summary>
public sealed class RecordingMark
{
    public const int MaxLabelLength = 200;

    private RecordingMark()
    {
        Label = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid RecordingId { get; private set; }

    public Guid AcademyId { get; private set; }

    /// <summary>Who made it: the teacher of a chapter, the student of a bookmark.</summary>
    public Guid UserId { get; private set; }

    public RecordingMarkKind Kind { get; private set; }

    public double AtSeconds { get; private set; }

    public string Label { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static RecordingMark Create(
        Guid recordingId, Guid academyId, Guid userId, RecordingMarkKind kind, TimeSpan at, string? label, DateTimeOffset createdAt)
    {
        var mark = new RecordingMark
        {
            Id = Guid.CreateVersion7(createdAt),
            RecordingId = recordingId,
            AcademyId = academyId,
            UserId = userId,
            Kind = kind,
            CreatedAt = createdAt,
        };
        mark.Change(at, label);
        return mark;
    }

    /// <summary>A new moment and label; an empty label becomes the moment's time (<c>1:02:03</c>).</summary>
    public void Change(TimeSpan at, string? label)
    {
        if (at < TimeSpan.Zero)
        {
            throw new DomainException("mark.before_start", "A mark cannot lie before the recording's start.");
        }

        AtSeconds = Math.Round(at.TotalSeconds, 3);
        var trimmed = label?.Trim();
        Label = string.IsNullOrEmpty(trimmed) ? Recordings.RecordingFormatting.FormatDuration(at) : trimmed;
    }
}
