using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Academic;

/// <summary>A private academic lesson series: one teacher, one student, one subject.</summary>
public sealed class PrivateLesson
{
    private PrivateLesson()
    {
        Subject = string.Empty;
    }

    public PrivateLesson(Guid id, Guid academyId, string subject, Guid teacherId, Guid studentId, bool? recordingEnabled = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        Id = id;
        AcademyId = academyId;
        Subject = subject;
        TeacherId = teacherId;
        StudentId = studentId;
        RecordingEnabled = recordingEnabled;
    }

    public Guid Id { get; private set; }

    public Guid AcademyId { get; private set; }

    public string Subject { get; private set; }

    public Guid TeacherId { get; private set; }

    public User? Teacher { get; private set; }

    public Guid StudentId { get; private set; }

    /// <summary>The lesson's own switch; null means "as the academy says".</summary>
    public bool? RecordingEnabled { get; private set; }
}
