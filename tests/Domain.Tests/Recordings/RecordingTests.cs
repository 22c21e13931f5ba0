using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Sessions;

namespace Itqan.Recording.Domain.Tests.Recordings;

public class RecordingTests
{
    private static readonly DateTimeOffset StartedAt = new(2026, 11, 25, 14, 30, 25, TimeSpan.Zero);
    private static readonly RecordingFile File = new("interactive/2026/11/session-1.mp4", 45_678_901, RecordingFormat.Mp4);

    public static TheoryData<RecordingStatus, RecordingStatus> AllowedMoves() => new()
    {
        { RecordingStatus.Recording, RecordingStatus.Processing },
        { RecordingStatus.Recording, RecordingStatus.Completed },
        { RecordingStatus.Recording, RecordingStatus.Failed },
        { RecordingStatus.Recording, RecordingStatus.Deleted },
        { RecordingStatus.Processing, RecordingStatus.Completed },
        { RecordingStatus.Processing, RecordingStatus.Failed },
        { RecordingStatus.Processing, RecordingStatus.Deleted },
        { RecordingStatus.Completed, RecordingStatus.Deleted },
        { RecordingStatus.Failed, RecordingStatus.Deleted },
    };

    public static TheoryData<RecordingStatus, RecordingStatus> RefusedMoves()
    {
        var allowed = AllowedMoves().Select(row => ((RecordingStatus)row[0], (RecordingStatus)row[1])).ToHashSet();
        var refused = new TheoryData<RecordingStatus, RecordingStatus>();
        foreach (var from in Enum.GetValues<RecordingStatus>())
        {
            foreach (var to in Enum.GetValues<RecordingStatus>())
            {
                // No method moves a recording back to Recording; that is proven on the table itself below.
                if (to != RecordingStatus.Recording && !allowed.Contains((from, to)))
                {
                    refused.Add(from, to);
                }
            }
        }

        return refused;
    }

    [Fact]
    public void Starting_a_recording_takes_the_sessions_identity_room_and_metadata()
    {
        var session = TestSessions.ReadyInteractiveSession();

        var recording = Domain.Recordings.Recording.Start(session, "EG_abc", TestSessions.TeacherId, StartedAt);

        recording.Status.Should().Be(RecordingStatus.Recording);
        recording.SessionId.Should().Be(session.Id);
        recording.SessionKind.Should().Be(SessionKind.Interactive);
        recording.AcademyId.Should().Be(session.AcademyId);
        recording.RoomName.Should().Be(session.MeetingRoomName);
        recording.EgressId.Should().Be("EG_abc");
        recording.StartedByUserId.Should().Be(TestSessions.TeacherId);
        recording.DisplayName.Should().Be("Tajweed Foundations - Session 3 - 2026-11-25");
        recording.Metadata.Should().ContainKey("courseTitle").WhoseValue.Should().Be("Tajweed Foundations");
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_changes_the_status(RecordingStatus from, RecordingStatus to)
    {
        var recording = RecordingIn(from);

        Move(recording, to);

        recording.Status.Should().Be(to);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void A_move_outside_the_state_machine_is_refused_and_changes_nothing(RecordingStatus from, RecordingStatus to)
    {
        var recording = RecordingIn(from);

        var move = () => Move(recording, to);

        move.Should().Throw<InvalidRecordingTransitionException>()
            .Which.Should().Match<InvalidRecordingTransitionException>(e => e.From == from && e.To == to && e.Code == "recording.invalid_transition");
        recording.Status.Should().Be(from);
    }

    [Theory]
    [InlineData(RecordingStatus.Recording)]
    [InlineData(RecordingStatus.Processing)]
    [InlineData(RecordingStatus.Completed)]
    [InlineData(RecordingStatus.Failed)]
    [InlineData(RecordingStatus.Deleted)]
    public void No_status_leads_back_to_recording(RecordingStatus from) =>
        RecordingStateMachine.CanMove(from, RecordingStatus.Recording).Should().BeFalse();

    [Fact]
    public void Completing_records_the_file_duration_and_times()
    {
        var recording = RecordingIn(RecordingStatus.Processing);
        var completedAt = StartedAt.AddHours(2);

        recording.Complete(File, TimeSpan.FromSeconds(3600.5), StartedAt.AddHours(1), completedAt);

        recording.File.Should().Be(File);
        recording.Duration.Should().Be(TimeSpan.FromSeconds(3600.5));
        recording.CompletedAt.Should().Be(completedAt);
    }

    [Fact]
    public void Completing_keeps_the_end_time_set_when_the_teacher_stopped()
    {
        var recording = RecordingIn(RecordingStatus.Recording);
        var stoppedAt = StartedAt.AddMinutes(30);
        recording.MarkProcessing(TestSessions.TeacherId, stoppedAt);

        recording.Complete(File, TimeSpan.FromMinutes(30), StartedAt.AddMinutes(31), StartedAt.AddMinutes(32));

        recording.EndedAt.Should().Be(stoppedAt);
        recording.StoppedByUserId.Should().Be(TestSessions.TeacherId);
    }

    [Fact]
    public void Stopping_makes_the_recording_processing_with_a_stopped_entry_by_the_person_who_stopped_it()
    {
        var recording = RecordingIn(RecordingStatus.Recording);
        var stoppedAt = StartedAt.AddMinutes(30);

        var entry = recording.Stop(TestSessions.TeacherId, stoppedAt);

        recording.Status.Should().Be(RecordingStatus.Processing);
        recording.StoppedByUserId.Should().Be(TestSessions.TeacherId);
        recording.EndedAt.Should().Be(stoppedAt);
        entry.Should().Match<RecordingAuditEntry>(e => e.RecordingId == recording.Id && e.AcademyId == recording.AcademyId
            && e.Action == RecordingAuditAction.Stopped && e.UserId == TestSessions.TeacherId && e.At == stoppedAt && e.Details == null);
    }

    [Fact]
    public void Stopping_by_the_service_leaves_an_entry_by_nobody_that_says_why()
    {
        var recording = RecordingIn(RecordingStatus.Recording);

        var entry = recording.Stop(stoppedByUserId: null, StartedAt.AddHours(3), "ran too long");

        recording.StoppedByUserId.Should().BeNull();
        entry.Should().Match<RecordingAuditEntry>(e => e.Action == RecordingAuditAction.Stopped && e.UserId == null && e.Details == "ran too long");
    }

    [Fact]
    public void Stopping_a_completed_recording_is_refused()
    {
        var recording = RecordingIn(RecordingStatus.Completed);

        var stop = () => recording.Stop(TestSessions.TeacherId, StartedAt.AddHours(2));

        stop.Should().Throw<InvalidRecordingTransitionException>();
        recording.Status.Should().Be(RecordingStatus.Completed);
    }

    [Fact]
    public void Failing_keeps_the_reason()
    {
        var recording = RecordingIn(RecordingStatus.Processing);

        recording.Fail("pipeline failed", StartedAt.AddHours(1));

        recording.ProcessingError.Should().Be("pipeline failed");
    }

    [Fact]
    public void A_negative_file_size_is_refused()
    {
        var create = () => new RecordingFile("a.mp4", -1, RecordingFormat.Mp4);

        create.Should().Throw<Common.DomainException>().Which.Code.Should().Be("recording.file_size_negative");
    }

    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(3723, "01:02:03")]
    [InlineData(36000, "10:00:00")]
    public void Durations_are_formatted_as_hours_minutes_seconds(int seconds, string expected) =>
        RecordingFormatting.FormatDuration(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(45_678_901, "43.6 MB")]
    [InlineData(3_221_225_472, "3.0 GB")]
    public void File_sizes_are_formatted_for_people(long bytes, string expected) =>
        RecordingFormatting.FormatFileSize(bytes).Should().Be(expected);

    private static Domain.Recordings.Recording RecordingIn(RecordingStatus status)
    {
        var recording = Domain.Recordings.Recording.Start(TestSessions.ReadyInteractiveSession(), "EG_abc", TestSessions.TeacherId, StartedAt);
        switch (status)
        {
            case RecordingStatus.Recording:
                break;
            case RecordingStatus.Processing:
                recording.MarkProcessing(TestSessions.TeacherId, StartedAt.AddHours(1));
                break;
            case RecordingStatus.Deleted:
                Move(recording, RecordingStatus.Completed);
                recording.Delete(StartedAt.AddHours(2));
                break;
            default:
                Move(recording, status);
                break;
        }

        recording.Status.Should().Be(status);
        return recording;
    }

    private static void Move(Domain.Recordings.Recording recording, RecordingStatus to)
    {
        var at = StartedAt.AddHours(1);
        switch (to)
        {
            case RecordingStatus.Processing:
                recording.MarkProcessing(TestSessions.TeacherId, at);
                break;
            case RecordingStatus.Completed:
                recording.Complete(File, TimeSpan.FromHours(1), at, at);
                break;
            case RecordingStatus.Failed:
                recording.Fail("egress failed", at);
                break;
            case RecordingStatus.Deleted:
                recording.Delete(at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to), to, "Only Start creates a recording in this status.");
        }
    }
}
