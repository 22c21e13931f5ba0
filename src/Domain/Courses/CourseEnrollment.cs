namespace ItqanRecording.Domain.Courses;

public sealed class CourseEnrollment(Guid courseId, Guid studentId)
{
    public Guid CourseId { get; private set; } = courseId;

    public Guid StudentId { get; private set; } = studentId;
}
