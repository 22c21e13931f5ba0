using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Domain.Tests.Sessions;

/// <summary>What a session answers through its contract when a recording starts, and what a session kind may be called.</summary>
public class RecordingPlanTests
{
    private static readonly RecordingConfiguration Grid = new("grid", "H264_720P_30", false, RecordingFormat.Mp4);

    [Fact]
    public void Planning_a_recording_names_the_room_the_configuration_and_the_file_under_the_kinds_folder()
    {
        IRecordingCapable session = TestSessions.ReadyInteractiveSession();
        var at = new DateTimeOffset(2026, 11, 25, 14, 30, 25, TimeSpan.Zero);

        var plan = session.PlanRecording(Grid, at);

        plan.Should().Be(new RecordingPlan(
            session.RoomName!, Grid, $"interactive/2026/11/session-{TestSessions.SessionId:N}-20261125_143025.mp4"));
    }

    [Fact]
    public void A_session_without_a_meeting_room_cannot_be_planned()
    {
        IRecordingCapable session = TestSessions.ReadyInteractiveSession(roomName: null);

        var plan = () => session.PlanRecording(Grid, DateTimeOffset.UnixEpoch);

        plan.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData("quran", "quran")]
    [InlineData("Quran", "quran")]
    [InlineData("WORKSHOP", "workshop")]
    public void A_kind_is_named_in_lower_case_whatever_the_case_it_is_asked_for_in(string asked, string name)
    {
        SessionKind.TryParse(asked, out var kind).Should().BeTrue();

        kind.Name.Should().Be(name);
        kind.Should().Be(new SessionKind(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("quran circle")]
    [InlineData("a-very-long-kind-name")]
    public void A_name_that_cannot_be_stored_is_no_kind(string? asked)
    {
        SessionKind.TryParse(asked, out var kind).Should().BeFalse();

        kind.Should().Be(default(SessionKind));
        var create = () => new SessionKind(asked!);
        create.Should().Throw<ArgumentException>();
    }
}
