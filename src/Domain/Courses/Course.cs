using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Courses;

/// <summary>An interactive course: one assigned teacher, enrolled students, recording on or off.</summary>
public sealed class Course
{
    private readonly List<CourseEnrollment> _enrollments = [];

    private Course()
    {
        Title = string.Empty;
    }

    public Course(Guid id, Guid academyId, string title, Guid teacherId, bool recordingEnabled)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Id = id;
        AcademyId = academyId;
        Title = title;
        TeacherId = teacherId;
        RecordingEnabled = recordingEnabled;
    }

    public Guid Id { get; private set; }

    public Guid AcademyId { get; private set; }

    public string Title { get; private set; }

    public Guid TeacherId { get; private set; }

    public User? Teacher { get; private set; }

    public bool RecordingEnabled { get; private set; }

    public IReadOnlyCollection<CourseEnrollment> Enrollments => _enrollments;

    public bool IsEnrolled(Guid studentId) => _enrollments.Exists(e => e.StudentId == studentId);

    public void Enroll(Guid studentId)
    {
        if (!IsEnrolled(studentId))
        {
            _enrollments.Add(new CourseEnrollment(Id, studentId));
        }
    }
}
