using ItqanRecording.Domain.Common;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;

namespace ItqanRecording.Domain.Tests.Recordings;

public class RecordingPartsTests
{
    private static readonly DateTimeOffset StartedAt = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly RecordingFile First = new("interactive/2026/11/session-1-140000.mp4", 3_000, RecordingFormat.Mp4);
    private static readonly RecordingFile Second = new("interactive/2026/11/session-1-170002.mp4", 2_000, RecordingFormat.Mp4);
    private static readonly RecordingFile Third = new("interactive/2026/11/session-1-200004.mp4", 500, RecordingFormat.Mp4);

    [Fact]
    public void A_recording_cut_at_the_limit_keeps_the_file_as_part_one_and_goes_on_as_the_next_egress()
    {
        var recording = Recording();

        var entry = recording.ContinueInNextPart(First, TimeSpan.FromHours(3), "EG_second", StartedAt.AddHours(3));

        recording.Status.Should().Be(RecordingStatus.Recording);
        recording.EgressId.Should().Be("EG_second");
        recording.Parts.Should().Equal(new RecordingPart(1, "EG_first", First, TimeSpan.FromHours(3)));
        recording.File.Should().BeNull();
        entry.Should().Match<RecordingAuditEntry>(e => e.Action == RecordingAuditAction.PartStarted && e.UserId == null
            && e.Details == "LiveKit cut part 1 at its time limit after 03:00:00; part 2 records the rest.");
    }

    [Fact]
    public void Only_a_recording_still_recording_goes_on_in_a_next_part()
    {
        var recording = Recording();
        recording.Stop(Guid.NewGuid(), StartedAt.AddHours(2));

        var act = () => recording.ContinueInNextPart(First, TimeSpan.FromHours(2), "EG_second", StartedAt.AddHours(2));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("recording.not_recording");
        recording.Parts.Should().BeEmpty();
        recording.EgressId.Should().Be("EG_first");
    }

    [Fact]
    public void Completing_a_recording_in_parts_adds_the_last_part_sums_them_and_queues_only_their_join()
    {
        var recording = Recording();
        recording.ContinueInNextPart(First, TimeSpan.FromHours(3), "EG_second", StartedAt.AddHours(3));
        recording.ContinueInNextPart(Second, TimeSpan.FromHours(3), "EG_third", StartedAt.AddHours(6));

        var entry = recording.Complete(Third, TimeSpan.FromMinutes(20), StartedAt.AddHours(6.4), StartedAt.AddHours(6.5));

        recording.Status.Should().Be(RecordingStatus.Completed);
        recording.Parts.Select(p => (p.Number, p.EgressId, p.File)).Should().Equal((1, "EG_first", First), (2, "EG_second", Second), (3, "EG_third", Third));
        recording.Duration.Should().Be(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(20));
        recording.File.Should().Be(new RecordingFile("interactive/2026/11/session-1-140000.joined.mp4", 5_500, RecordingFormat.Mp4));
        recording.MediaJobs.Select(j => j.Task).Should().Equal(MediaTask.Join);
        recording.StoredFiles.Should().Equal(recording.File, First, Second, Third);
        entry.Details.Should().Be("Recorded in 3 parts: LiveKit cut the recording at its time limit each time, and a new part began at once.");
    }

    [Fact]
    public void Once_the_parts_are_joined_the_file_has_its_real_size_and_the_media_jobs_of_the_whole_are_queued()
    {
        var recording = Recording();
        recording.ContinueInNextPart(First, TimeSpan.FromHours(3), "EG_second", StartedAt.AddHours(3));
        recording.Complete(Second, TimeSpan.FromHours(1), StartedAt.AddHours(4), StartedAt.AddHours(4));
        var joinedAt = StartedAt.AddHours(4.1);

        recording.PartsJoined(4_900, joinedAt);

        recording.File!.SizeBytes.Should().Be(4_900);
        recording.File.RelativePath.Should().Be("interactive/2026/11/session-1-140000.joined.mp4");
        recording.MediaJobs.Select(j => j.Task).Should().Equal(MediaTask.Join, MediaTask.Poster, MediaTask.SeekPreviews, MediaTask.Hls);
        recording.MediaJobs.Skip(1).Should().OnlyContain(j => j.QueuedAt == joinedAt);
    }

    [Fact]
    public void A_recording_of_one_file_is_not_joined()
    {
        var recording = Recording();
        recording.Complete(First, TimeSpan.FromHours(1), StartedAt.AddHours(1), StartedAt.AddHours(1));

        var act = () => recording.PartsJoined(1, StartedAt.AddHours(2));

        act.Should().Throw<DomainException>().Which.Code.Should().Be("recording.not_in_parts");
        recording.StoredFiles.Should().Equal(First);
    }

    [Fact]
    public void Moving_a_recording_in_parts_to_object_storage_moves_its_parts_too()
    {
        var recording = Recording();
        recording.ContinueInNextPart(First, TimeSpan.FromHours(3), "EG_second", StartedAt.AddHours(3));
        recording.Complete(Second, TimeSpan.FromHours(1), StartedAt.AddHours(4), StartedAt.AddHours(4));

        recording.MoveFileTo(StorageProvider.S3);

        recording.StoredFiles.Should().OnlyContain(f => f.Store == StorageProvider.S3).And.HaveCount(3);
    }

    [Fact]
    public void A_moment_of_the_live_class_lies_after_the_parts_already_cut_and_the_time_since_the_current_part_began()
    {
        var recording = Recording();
        recording.OffsetOf(StartedAt.AddMinutes(10)).Should().Be(TimeSpan.FromMinutes(10));
        recording.ContinueInNextPart(First, TimeSpan.FromHours(3), "EG_second", StartedAt.AddHours(3).AddSeconds(8));

        recording.OffsetOf(StartedAt.AddHours(3).AddSeconds(8).AddMinutes(5)).Should().Be(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(5),
            "the seconds lost between the parts are not in the recording");
        recording.Complete(Second, TimeSpan.FromHours(1), StartedAt.AddHours(4), StartedAt.AddHours(4));
        var act = () => recording.OffsetOf(StartedAt.AddHours(5));
        act.Should().Throw<DomainException>().Which.Code.Should().Be("recording.not_recording");
    }

    private static Recording Recording() =>
        Domain.Recordings.Recording.Start(TestSessions.ReadyInteractiveSession(), "EG_first", TestSessions.TeacherId, StartedAt).Recording;
}
