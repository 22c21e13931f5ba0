using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Quran;
using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Domain.Sessions;

/// <summary>A session of a Quran circle. Recording: the circle's switch, else the academy's, else off.</summary>
public sealed class QuranSession : LiveSession
{
    private QuranSession()
    {
        Circle = null!;
    }

    public QuranSession(Guid id, Academy academy, QuranCircle circle, string title, DateTimeOffset scheduledAt, SessionStatus status, string? meetingRoomName)
        : base(id, academy, title, scheduledAt, status, meetingRoomName)
    {
        ArgumentNullException.ThrowIfNull(circle);
        Circle = circle;
        CircleId = circle.Id;
    }

    public Guid CircleId { get; private set; }

    public QuranCircle Circle { get; private set; }

    public override SessionKind Kind => SessionKind.Quran;

    public override bool IsRecordingEnabled => ResolveRecordingSwitch(Circle.RecordingEnabled, Academy.QuranRecordingEnabled);

    public override Guid TeacherId => Circle.TeacherId;

    public override Guid ParentId => CircleId;

    protected override RecordingConfiguration AdjustConfiguration(RecordingConfiguration configuration) =>
        Circle.AudioOnly ? configuration with { AudioOnly = true, Format = RecordingFormat.Ogg } : configuration;

    public override IReadOnlyCollection<Guid> StudentIds => Circle.StudentIds;

    protected override void AddKindMetadata(IDictionary<string, object?> metadata)
    {
        metadata["circleId"] = CircleId;
        metadata["circleName"] = Circle.Name;
        metadata["sessionType"] = Circle.Type.ToString().ToLowerInvariant();
        metadata["studentId"] = Circle.StudentId;
        metadata["teacherName"] = Circle.Teacher?.DisplayName;
    }
}
