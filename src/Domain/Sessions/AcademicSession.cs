using ItqanRecording.Domain.Academic;
using ItqanRecording.Domain.Academies;

namespace ItqanRecording.Domain.Sessions;

/// <summary>A session of a private academic lesson. Recording: the lesson's switch, else the academy's, else off.</summary>
public sealed class AcademicSession : LiveSession
{
    private AcademicSession()
    {
        Lesson = null!;
    }

    public AcademicSession(Guid id, Academy academy, PrivateLesson lesson, string title, DateTimeOffset scheduledAt, SessionStatus status, string? meetingRoomName)
        : base(id, academy, title, scheduledAt, status, meetingRoomName)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        Lesson = lesson;
        LessonId = lesson.Id;
    }

    public Guid LessonId { get; private set; }

    public PrivateLesson Lesson { get; private set; }

    public override SessionKind Kind => SessionKind.Academic;

    public override bool IsRecordingEnabled => ResolveRecordingSwitch(Lesson.RecordingEnabled, Academy.AcademicRecordingEnabled);

    public override Guid TeacherId => Lesson.TeacherId;

    public override Guid ParentId => LessonId;

    public override IReadOnlyCollection<Guid> StudentIds => [Lesson.StudentId];

    protected override void AddKindMetadata(IDictionary<string, object?> metadata)
    {
        metadata["lessonId"] = LessonId;
        metadata["studentId"] = Lesson.StudentId;
        metadata["subject"] = Lesson.Subject;
        metadata["teacherName"] = Lesson.Teacher?.DisplayName;
    }
}
