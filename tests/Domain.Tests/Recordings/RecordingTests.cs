using ItqanRecording.Domain.Common;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Domain.Tests.Recordings;

public class RecordingTests
{
    private static readonly DateTimeOffset StartedAt = new(2026, 11, 25, 14, 30, 25, TimeSpan.Zero);
    private static readonly RecordingFile File = new("interactive/2026/11/session-1.mp4", 45_678_901, RecordingFormat.Mp4);

    public static TheoryData<RecordingStatus, RecordingStatus> AllowedMoves() => new()
    {
        { RecordingStatus.Recording, RecordingStatus.Processing },
        { RecordingStatus.Recording, RecordingStatus.Completed },
        { RecordingStatus.Recording, RecordingStatus.Failed },
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

        var recording = Domain.Recordings.Recording.Start(session, "EG_abc", TestSessions.TeacherId, StartedAt).Recording;

        recording.Status.Should().Be(RecordingStatus.Recording);
        recording.SessionId.Should().Be(session.Id);
        recording.SessionKind.Should().Be(SessionKind.Interactive);
        recording.AcademyId.Should().Be(session.AcademyId);
        recording.RoomName.Should().Be(session.MeetingRoomName);
        recording.EgressId.Should().Be("EG_abc");
        recording.StartedByUserId.Should().Be(TestSessions.TeacherId);
        recording.DisplayName.Should().Be("Tajweed Foundations - Session 3 - 2026-11-25 14:30");
        recording.Metadata.Should().ContainKey("courseTitle").WhoseValue.Should().Be("Tajweed Foundations");
    }

    [Fact]
    public void A_recording_is_named_by_its_start_in_the_academys_time_zone()
    {
        var session = TestSessions.ReadyInteractiveSession();
        session.Academy.UseTimeZone("Asia/Riyadh");

        var late = Domain.Recordings.Recording.Start(session, "EG_late", TestSessions.TeacherId, new DateTimeOffset(2026, 11, 25, 22, 5, 0, TimeSpan.Zero)).Recording;

        late.DisplayName.Should().Be("Tajweed Foundations - Session 3 - 2026-11-26 01:05", "22:05 UTC is past midnight in Riyadh (UTC+3)");
    }

    [Fact]
    public void An_academy_refuses_a_time_zone_the_system_does_not_know()
    {
        var academy = TestSessions.ReadyInteractiveSession().Academy;

        var use = () => academy.UseTimeZone("Mars/Olympus_Mons");

        use.Should().Throw<DomainException>().Which.Code.Should().Be("academy.unknown_time_zone");
        academy.TimeZoneId.Should().Be("UTC");
    }

    [Fact]
    public void A_recording_of_a_kind_its_academy_reviews_awaits_review_and_its_teacher_publishes_or_hides_it()
    {
        var session = TestSessions.ReadyInteractiveSession();
        session.Academy.ReviewRecordingsBeforePublishing(false, new Dictionary<SessionKind, bool?> { [SessionKind.Interactive] = true });
        var recording = Domain.Recordings.Recording.Start(session, "EG_abc", TestSessions.TeacherId, StartedAt).Recording;
        recording.Publication.Should().Be(RecordingPublication.AwaitingReview);

        var published = recording.Publish(RecordingPublication.Published, TestSessions.TeacherId, StartedAt.AddHours(1));
        var hidden = recording.Publish(RecordingPublication.Hidden, TestSessions.TeacherId, StartedAt.AddHours(2));

        (published.Action, hidden.Action).Should().Be((RecordingAuditAction.Published, RecordingAuditAction.Hidden));
        recording.Publication.Should().Be(RecordingPublication.Hidden);
        recording.Invoking(r => r.Publish(RecordingPublication.AwaitingReview, TestSessions.TeacherId, StartedAt)).Should().Throw<DomainException>()
            .Which.Code.Should().Be("recording.invalid_publication");
    }

    [Fact]
    public void A_recording_becomes_available_to_its_students_when_it_completes_published_or_is_published_once_complete()
    {
        var published = Domain.Recordings.Recording.Start(TestSessions.ReadyInteractiveSession(), "EG_one", TestSessions.TeacherId, StartedAt).Recording;
        published.AvailableAt.Should().BeNull("it is still recording");
        published.Complete(File, TimeSpan.FromMinutes(50), StartedAt.AddMinutes(50), StartedAt.AddMinutes(51));
        published.AvailableAt.Should().Be(StartedAt.AddMinutes(51));

        var session = TestSessions.ReadyInteractiveSession();
        session.Academy.ReviewRecordingsBeforePublishing(true, new Dictionary<SessionKind, bool?>());
        var reviewed = Domain.Recordings.Recording.Start(session, "EG_two", TestSessions.TeacherId, StartedAt).Recording;
        reviewed.Publish(RecordingPublication.Hidden, TestSessions.TeacherId, StartedAt.AddMinutes(5));
        reviewed.Complete(File, TimeSpan.FromMinutes(50), StartedAt.AddMinutes(50), StartedAt.AddMinutes(51));
        reviewed.AvailableAt.Should().BeNull("it is hidden");
        reviewed.Invoking(r => r.Announced()).Should().Throw<DomainException>().Which.Code.Should().Be("recording.not_available");

        reviewed.Publish(RecordingPublication.Published, TestSessions.TeacherId, StartedAt.AddHours(2));
        reviewed.Publish(RecordingPublication.Published, TestSessions.TeacherId, StartedAt.AddHours(3));
        reviewed.AvailableAt.Should().Be(StartedAt.AddHours(2), "publishing what is published is no news");
        reviewed.Announced();
        reviewed.AnnouncedAt.Should().Be(StartedAt.AddHours(2));

        reviewed.Publish(RecordingPublication.Hidden, TestSessions.TeacherId, StartedAt.AddHours(4));
        reviewed.Publish(RecordingPublication.Published, TestSessions.TeacherId, StartedAt.AddHours(5));
        reviewed.AvailableAt.Should().Be(StartedAt.AddHours(5), "published again after being hidden, it is news again");
    }

    [Fact]
    public void An_academy_reviews_the_kinds_it_names_and_follows_its_own_choice_for_the_others()
    {
        var academy = TestSessions.ReadyInteractiveSession().Academy;

        academy.ReviewRecordingsBeforePublishing(true, new Dictionary<SessionKind, bool?> { [SessionKind.Quran] = false });
        academy.OverrideRecording(SessionKind.Quran, "grid", null, audioOnly: true);

        (academy.ReviewsBeforePublishing(SessionKind.Interactive), academy.ReviewsBeforePublishing(SessionKind.Quran)).Should().Be((true, false),
            "the Quran circles' own choice survives a change of their recording settings");
        Domain.Recordings.Recording.Start(TestSessions.ReadyInteractiveSession(), "EG_abc", TestSessions.TeacherId, StartedAt).Recording
            .Publication.Should().Be(RecordingPublication.Published, "an academy that says nothing publishes on completion");
    }

    [Fact]
    public void Renaming_trims_the_name_keeps_the_old_one_in_the_audit_and_refuses_an_empty_or_deleted_one()
    {
        var recording = Domain.Recordings.Recording.Start(TestSessions.ReadyInteractiveSession(), "EG_abc", TestSessions.TeacherId, StartedAt).Recording;
        var before = recording.DisplayName;

        var renamed = recording.Rename("  Al-Mulk 1–10, revision ", TestSessions.TeacherId, StartedAt.AddHours(1));

        recording.DisplayName.Should().Be("Al-Mulk 1–10, revision");
        (renamed.Action, renamed.Details).Should().Be((RecordingAuditAction.Renamed, $"was: {before}"));
        recording.Invoking(r => r.Rename("   ", TestSessions.TeacherId, StartedAt)).Should().Throw<DomainException>()
            .Which.Code.Should().Be("recording.invalid_name");
        recording.Invoking(r => r.Rename(new string('x', 201), TestSessions.TeacherId, StartedAt)).Should().Throw<DomainException>();
        recording.DisplayName.Should().Be("Al-Mulk 1–10, revision");
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
            .Which.Should().Match<InvalidRecordingTransitionException>(e => e.From == from && e.To == to && e.Code == RefusalCode(from, to));
        recording.Status.Should().Be(from);
    }

    [Fact]
    public void Deleting_a_recording_that_still_records_is_refused_with_the_reason_people_see()
    {
        var recording = RecordingIn(RecordingStatus.Recording);

        var delete = () => recording.Delete(TestSessions.TeacherId, StartedAt.AddHours(1), filesRemoved: false);

        recording.RefusalToMoveTo(RecordingStatus.Deleted).Should().Be(new RecordingTransitionRefusal(
            "recording.still_recording", "The recording is still running; stop it before deleting it."));
        delete.Should().Throw<InvalidRecordingTransitionException>().Which.Should().Match<InvalidRecordingTransitionException>(e =>
            e.Code == "recording.still_recording" && e.Message == "The recording is still running; stop it before deleting it.");
        recording.Status.Should().Be(RecordingStatus.Recording);
        recording.DeletedAt.Should().BeNull();
    }

    [Fact]
    public void Deleting_a_deleted_recording_again_is_refused_as_already_deleted()
    {
        var recording = RecordingIn(RecordingStatus.Deleted);

        recording.RefusalToMoveTo(RecordingStatus.Deleted).Should().Be(
            new RecordingTransitionRefusal("recording.already_deleted", "The recording is already deleted."));
    }

    [Theory]
    [InlineData(RecordingStatus.Processing)]
    [InlineData(RecordingStatus.Completed)]
    [InlineData(RecordingStatus.Failed)]
    public void A_recording_that_no_longer_records_may_be_deleted(RecordingStatus from) =>
        RecordingIn(from).RefusalToMoveTo(RecordingStatus.Deleted).Should().BeNull();

    [Fact]
    public void Starting_returns_a_started_entry_by_the_person_who_started_it()
    {
        var (recording, entry) = Domain.Recordings.Recording.Start(
            TestSessions.ReadyInteractiveSession(), "EG_abc", TestSessions.TeacherId, StartedAt);

        entry.Should().Match<RecordingAuditEntry>(e => e.RecordingId == recording.Id && e.AcademyId == recording.AcademyId
            && e.Action == RecordingAuditAction.Started && e.UserId == TestSessions.TeacherId && e.At == StartedAt && e.Details == null);
    }

    [Fact]
    public void Completing_returns_a_completed_entry_by_nobody_at_the_completion_time_with_the_note()
    {
        var recording = RecordingIn(RecordingStatus.Processing);
        var completedAt = StartedAt.AddHours(2);

        var entry = recording.Complete(File, TimeSpan.FromHours(1), StartedAt.AddHours(1), completedAt, "cut at the limit");

        entry.Should().Match<RecordingAuditEntry>(e => e.RecordingId == recording.Id && e.AcademyId == recording.AcademyId
            && e.Action == RecordingAuditAction.Completed && e.UserId == null && e.At == completedAt && e.Details == "cut at the limit");
    }

    [Fact]
    public void A_completed_video_has_its_poster_seek_previews_and_hls_packaging_queued_at_the_completion_time()
    {
        var recording = RecordingIn(RecordingStatus.Processing);
        var completedAt = StartedAt.AddHours(2);

        recording.Complete(File, TimeSpan.FromHours(1), StartedAt.AddHours(1), completedAt);

        recording.MediaJobs.Select(j => j.Task).Should().Equal(MediaTask.Poster, MediaTask.SeekPreviews, MediaTask.Hls);
        recording.MediaJobs.Should().OnlyContain(j => j.RecordingId == recording.Id
            && j.State == MediaJobState.Queued && j.NextAttemptAt == completedAt && j.Attempts == 0);
    }

    [Fact]
    public void A_transcript_asked_for_is_queued_once_while_on_its_way_and_again_after_it_ended()
    {
        var recording = RecordingIn(RecordingStatus.Processing);
        recording.Complete(File, TimeSpan.FromHours(1), StartedAt.AddHours(1), StartedAt.AddHours(2));
        var askedAt = StartedAt.AddDays(1);

        var job = recording.QueueTranscript(Domain.Learning.TranscriptLanguage.Ar, askedAt);
        recording.QueueTranscript(Domain.Learning.TranscriptLanguage.Ar, askedAt.AddMinutes(1)).Should().BeSameAs(job, "one is already on its way");
        job.Claim(askedAt.AddMinutes(2), TimeSpan.FromMinutes(15));
        job.FailAttempt("the model is missing", askedAt.AddMinutes(3), final: true);
        recording.QueueTranscript(Domain.Learning.TranscriptLanguage.Ar, askedAt.AddHours(1));
        recording.QueueTranscript(Domain.Learning.TranscriptLanguage.En, askedAt.AddHours(1));

        (job.Task, job.State, job.Attempts, job.NextAttemptAt, job.LastError).Should().Be(
            (MediaTask.ArabicTranscript, MediaJobState.Queued, 0, askedAt.AddHours(1), (string?)null));
        recording.MediaJobs.Select(j => j.Task).Should().Equal(
            MediaTask.Poster, MediaTask.SeekPreviews, MediaTask.Hls, MediaTask.ArabicTranscript, MediaTask.EnglishTranscript);
    }

    [Fact]
    public void Only_a_completed_recording_is_transcribed()
    {
        var recording = RecordingIn(RecordingStatus.Processing);

        var asking = () => recording.QueueTranscript(Domain.Learning.TranscriptLanguage.En, StartedAt.AddHours(3));

        asking.Should().Throw<DomainException>().Which.Code.Should().Be("recording.not_completed");
        recording.MediaJobs.Should().BeEmpty();
    }

    [Fact]
    public void A_completed_audio_recording_has_its_waveform_poster_and_its_AAC_copy_queued()
    {
        var recording = RecordingIn(RecordingStatus.Processing);

        recording.Complete(new RecordingFile("quran/2026/11/circle.ogg", 1_000, RecordingFormat.Ogg), TimeSpan.FromHours(1), StartedAt.AddHours(1), StartedAt.AddHours(2));

        recording.MediaJobs.Select(j => j.Task).Should().BeEquivalentTo([MediaTask.Poster, MediaTask.AacCopy]);
    }

    [Fact]
    public void Failing_returns_a_failed_entry_by_nobody_that_says_why()
    {
        var recording = RecordingIn(RecordingStatus.Processing);
        var failedAt = StartedAt.AddHours(2);

        var entry = recording.Fail("pipeline failed", failedAt);

        entry.Should().Match<RecordingAuditEntry>(e => e.RecordingId == recording.Id && e.AcademyId == recording.AcademyId
            && e.Action == RecordingAuditAction.Failed && e.UserId == null && e.At == failedAt && e.Details == "pipeline failed");
    }

    [Fact]
    public void Failing_takes_the_end_time_livekit_gives_while_the_entry_is_dated_now()
    {
        var recording = RecordingIn(RecordingStatus.Recording);
        var endedAt = StartedAt.AddHours(1);
        var now = StartedAt.AddHours(2);

        var entry = recording.Fail("egress failed", now, endedAt);

        recording.EndedAt.Should().Be(endedAt);
        entry.At.Should().Be(now);
    }

    [Fact]
    public void A_deleted_recording_waits_in_the_trash_and_is_restored_to_what_it_was_until_its_files_are_removed()
    {
        var recording = RecordingIn(RecordingStatus.Completed);
        var adminId = Guid.NewGuid();
        recording.Delete(adminId, StartedAt.AddDays(1), filesRemoved: false);

        var restored = recording.Restore(adminId, StartedAt.AddDays(2));

        (recording.Status, recording.DeletedAt, restored.Action).Should().Be((RecordingStatus.Completed, (DateTimeOffset?)null, RecordingAuditAction.Restored));
        recording.Invoking(r => r.Restore(adminId, StartedAt)).Should().Throw<DomainException>().Which.Code.Should().Be("recording.not_deleted");
        recording.Delete(adminId, StartedAt.AddDays(3), filesRemoved: false);
        recording.MarkFilesRemoved(null, StartedAt.AddDays(33), "30 days in the trash").Action.Should().Be(RecordingAuditAction.FilesRemoved);
        recording.Invoking(r => r.Restore(adminId, StartedAt.AddDays(34))).Should().Throw<DomainException>().Which.Code.Should().Be("recording.files_removed");
        recording.Invoking(r => r.MarkFilesRemoved(null, StartedAt.AddDays(34), "again")).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_recording_deleted_while_processing_or_with_its_files_is_not_restored()
    {
        var processing = RecordingIn(RecordingStatus.Processing);
        processing.Delete(null, StartedAt.AddHours(2), filesRemoved: false);
        var removed = RecordingIn(RecordingStatus.Completed);
        removed.Delete(null, StartedAt.AddHours(2), filesRemoved: true);

        processing.Invoking(r => r.Restore(Guid.NewGuid(), StartedAt.AddHours(3))).Should().Throw<DomainException>().Which.Code.Should().Be("recording.not_restorable");
        removed.Invoking(r => r.Restore(Guid.NewGuid(), StartedAt.AddHours(3))).Should().Throw<DomainException>().Which.Code.Should().Be("recording.files_removed");
    }

    [Fact]
    public void Deleting_returns_a_deleted_entry_by_the_admin_with_the_details()
    {
        var recording = RecordingIn(RecordingStatus.Completed);
        var deletedAt = StartedAt.AddDays(1);
        var adminId = Guid.NewGuid();

        var entry = recording.Delete(adminId, deletedAt, filesRemoved: false, "file kept");

        recording.Status.Should().Be(RecordingStatus.Deleted);
        recording.DeletedAt.Should().Be(deletedAt);
        entry.Should().Match<RecordingAuditEntry>(e => e.RecordingId == recording.Id && e.AcademyId == recording.AcademyId
            && e.Action == RecordingAuditAction.Deleted && e.UserId == adminId && e.At == deletedAt && e.Details == "file kept");
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
        var recording = Domain.Recordings.Recording.Start(TestSessions.ReadyInteractiveSession(), "EG_abc", TestSessions.TeacherId, StartedAt).Recording;
        switch (status)
        {
            case RecordingStatus.Recording:
                break;
            case RecordingStatus.Processing:
                recording.MarkProcessing(TestSessions.TeacherId, StartedAt.AddHours(1));
                break;
            case RecordingStatus.Deleted:
                Move(recording, RecordingStatus.Completed);
                recording.Delete(deletedByUserId: null, StartedAt.AddHours(2), filesRemoved: false);
                break;
            default:
                Move(recording, status);
                break;
        }

        recording.Status.Should().Be(status);
        return recording;
    }

    /// <summary>The refusals people meet have their own codes; every other refused move is an invalid transition.</summary>
    private static string RefusalCode(RecordingStatus from, RecordingStatus to) => (from, to) switch
    {
        (RecordingStatus.Recording, RecordingStatus.Deleted) => "recording.still_recording",
        (RecordingStatus.Deleted, RecordingStatus.Deleted) => "recording.already_deleted",
        _ => "recording.invalid_transition",
    };

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
                recording.Delete(deletedByUserId: null, at, filesRemoved: false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to), to, "Only Start creates a recording in this status.");
        }
    }
}
