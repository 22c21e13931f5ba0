using System.Globalization;
using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Courses;

namespace ItqanRecording.Domain.Sessions;

/// <summary>A numbered session of an interactive course. Recording follows the course's own switch.</summary>
public sealed class InteractiveCourseSession : LiveSession
{
    private InteractiveCourseSession()
    {
        Course = null!;
    }

    public InteractiveCourseSession(
        Guid id,
        Academy academy,
        Course course,
        int sessionNumber,
        DateTimeOffset scheduledAt,
        SessionStatus status,
        string? meetingRoomName)
        : base(id, academy, $"{course.Title} - Session {sessionNumber}", scheduledAt, status, meetingRoomName)
    {
        Course = course;
        CourseId = course.Id;
        SessionNumber = sessionNumber;
    }

    public Guid CourseId { get; private set; }

    public Course Course { get; private set; }

    public int SessionNumber { get; private set; }

    public override SessionKind Kind => SessionKind.Interactive;

    public override bool IsRecordingEnabled => Course.RecordingEnabled;

    public override Guid TeacherId => Course.TeacherId;

    public override Guid ParentId => CourseId;

    protected override string RecordingTitle => string.Create(CultureInfo.InvariantCulture, $"{Course.Title} - Session {SessionNumber}");

    public override IReadOnlyCollection<Guid> StudentIds => [.. Course.Enrollments.Select(e => e.StudentId)];

    protected override void AddKindMetadata(IDictionary<string, object?> metadata)
    {
        metadata["courseId"] = CourseId;
        metadata["courseTitle"] = Course.Title;
        metadata["sessionNumber"] = SessionNumber;
        metadata["teacherName"] = Course.Teacher?.DisplayName;
        metadata["enrolledStudentCount"] = Course.Enrollments.Count;
    }
}
