using ItqanRecording.Domain.Academies;
using ItqanRecording.Domain.Courses;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Domain.Tests;

/// <summary>Sessions in a known academy with a known teacher and one enrolled student.</summary>
internal static class TestSessions
{
    public static readonly Guid AcademyId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    public static readonly Guid TeacherId = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    public static readonly Guid StudentId = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    public static readonly Guid SessionId = Guid.Parse("7f3c2a10-0000-0000-0000-000000000001");

    public static InteractiveCourseSession ReadyInteractiveSession(
        bool recordingEnabled = true,
        SessionStatus status = SessionStatus.Ready,
        string? roomName = "itqan-interactive-7f3c2a10")
    {
        var course = new Course(Guid.NewGuid(), AcademyId, "Tajweed Foundations", TeacherId, recordingEnabled);
        course.Enroll(StudentId);
        return new InteractiveCourseSession(
            SessionId, new Academy(AcademyId, "Test Academy"), course, 3, new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero), status, roomName);
    }
}
