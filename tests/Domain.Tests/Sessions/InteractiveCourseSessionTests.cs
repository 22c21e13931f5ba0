using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;

namespace ItqanRecording.Domain.Tests.Sessions;

public class InteractiveCourseSessionTests
{
    private static readonly RecordingConfiguration Mp4 = new("grid", "H264_720P_30", false, RecordingFormat.Mp4);

    [Fact]
    public void A_ready_session_of_a_course_with_recording_on_can_be_recorded()
    {
        var session = TestSessions.ReadyInteractiveSession();

        session.FindRecordingBlocker(hasActiveRecording: false).Should().BeNull();
        ((IRecordingCapable)session).CanBeRecorded(hasActiveRecording: false).Should().BeTrue();
    }

    [Fact]
    public void A_course_with_recording_off_blocks_recording() =>
        TestSessions.ReadyInteractiveSession(recordingEnabled: false)
            .FindRecordingBlocker(false).Should().Be(RecordingBlocker.RecordingDisabled);

    [Fact]
    public void A_session_without_a_meeting_room_cannot_be_recorded() =>
        TestSessions.ReadyInteractiveSession(roomName: null)
            .FindRecordingBlocker(false).Should().Be(RecordingBlocker.NoMeetingRoom);

    [Theory]
    [InlineData(SessionStatus.Scheduled)]
    [InlineData(SessionStatus.Completed)]
    [InlineData(SessionStatus.Cancelled)]
    public void A_session_that_is_not_ready_or_ongoing_cannot_be_recorded(SessionStatus status) =>
        TestSessions.ReadyInteractiveSession(status: status)
            .FindRecordingBlocker(false).Should().Be(RecordingBlocker.SessionNotReady);

    [Fact]
    public void An_ongoing_session_can_be_recorded() =>
        TestSessions.ReadyInteractiveSession(status: SessionStatus.Ongoing).FindRecordingBlocker(false).Should().BeNull();

    [Fact]
    public void A_session_already_recording_cannot_be_recorded_again() =>
        TestSessions.ReadyInteractiveSession().FindRecordingBlocker(true).Should().Be(RecordingBlocker.AlreadyRecording);

    [Fact]
    public void Files_go_under_the_kind_year_and_month_with_a_timestamped_name()
    {
        var session = TestSessions.ReadyInteractiveSession();
        var at = new DateTimeOffset(2026, 11, 25, 14, 30, 25, TimeSpan.Zero);

        session.GetStoragePath(at).Should().Be("interactive/2026/11");
        session.NewFileName(at, Mp4).Should().Be($"session-{TestSessions.SessionId:N}-20261125_143025.mp4");
        session.NewFileName(at, Mp4 with { Format = RecordingFormat.Ogg }).Should().EndWith(".ogg");
    }

    public static TheoryData<string, bool, bool> Actors() => new()
    {
        // actor, can control, can access
        { "admin of the academy", true, true },
        { "the course teacher", true, true },
        { "an enrolled student", false, true },
        { "another teacher", false, false },
        { "a student not enrolled", false, false },
        { "an admin of another academy", false, false },
        { "the course teacher, seen from another academy", false, false },
    };

    [Theory]
    [MemberData(nameof(Actors))]
    public void Who_may_control_and_watch_recordings(string who, bool canControl, bool canAccess)
    {
        var session = TestSessions.ReadyInteractiveSession();
        var otherAcademy = Guid.NewGuid();
        var actor = who switch
        {
            "admin of the academy" => new Actor(Guid.NewGuid(), TestSessions.AcademyId, UserRole.Admin),
            "the course teacher" => new Actor(TestSessions.TeacherId, TestSessions.AcademyId, UserRole.Teacher),
            "an enrolled student" => new Actor(TestSessions.StudentId, TestSessions.AcademyId, UserRole.Student),
            "another teacher" => new Actor(Guid.NewGuid(), TestSessions.AcademyId, UserRole.Teacher),
            "a student not enrolled" => new Actor(Guid.NewGuid(), TestSessions.AcademyId, UserRole.Student),
            "an admin of another academy" => new Actor(Guid.NewGuid(), otherAcademy, UserRole.Admin),
            _ => new Actor(TestSessions.TeacherId, otherAcademy, UserRole.Teacher),
        };

        session.CanControlRecording(actor).Should().Be(canControl, who);
        session.CanAccessRecordings(actor).Should().Be(canAccess, who);
    }

    [Fact]
    public void Metadata_has_the_base_fields_and_the_course_fields()
    {
        var metadata = TestSessions.ReadyInteractiveSession().GetRecordingMetadata();

        metadata.Should().ContainKeys("sessionId", "sessionKind", "sessionTitle", "academyId", "teacherId",
            "courseId", "courseTitle", "sessionNumber", "teacherName", "enrolledStudentCount");
        metadata["sessionKind"].Should().Be("interactive");
        metadata["sessionNumber"].Should().Be(3);
        metadata["enrolledStudentCount"].Should().Be(1);
    }
}
