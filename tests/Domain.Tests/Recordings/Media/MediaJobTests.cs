using ItqanRecording.Domain.Common;
using ItqanRecording.Domain.Recordings.Media;

namespace ItqanRecording.Domain.Tests.Recordings.Media;

public class MediaJobTests
{
    private static readonly DateTimeOffset QueuedAt = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    [Fact]
    public void A_claim_runs_the_job_under_a_lease_and_counts_the_attempt()
    {
        var job = MediaJob.Queue(Guid.NewGuid(), MediaTask.Poster, QueuedAt);

        job.Claim(QueuedAt, Lease).Should().BeTrue();

        job.State.Should().Be(MediaJobState.Running);
        job.Attempts.Should().Be(1);
        job.LeaseExpiresAt.Should().Be(QueuedAt + Lease);
        job.IsClaimable(QueuedAt + Lease - TimeSpan.FromSeconds(1)).Should().BeFalse("its instance still holds it");
    }

    [Fact]
    public void A_failed_attempt_waits_longer_each_time_and_the_last_one_fails_the_job_with_its_reason()
    {
        var job = MediaJob.Queue(Guid.NewGuid(), MediaTask.Poster, QueuedAt);
        var now = QueuedAt;
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt < MediaJob.MaxAttempts; attempt++)
        {
            job.Claim(now, Lease);
            job.FailAttempt($"ffmpeg failed ({attempt})", now);
            job.State.Should().Be(MediaJobState.Queued);
            job.IsClaimable(job.NextAttemptAt - TimeSpan.FromSeconds(1)).Should().BeFalse();
            waits.Add(job.NextAttemptAt - now);
            now = job.NextAttemptAt;
        }

        job.Claim(now, Lease);
        job.FailAttempt("ffmpeg failed (last)", now);

        waits.Should().Equal(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(8));
        job.State.Should().Be(MediaJobState.Failed);
        job.Attempts.Should().Be(MediaJob.MaxAttempts);
        job.LastError.Should().Be("ffmpeg failed (last)");
        job.FinishedAt.Should().Be(now);
        job.IsClaimable(now + TimeSpan.FromDays(1)).Should().BeFalse();
    }

    [Fact]
    public void Only_an_ended_job_is_queued_again_and_then_has_all_its_attempts_ahead()
    {
        var job = MediaJob.Queue(Guid.NewGuid(), MediaTask.ArabicTranscript, QueuedAt);
        var whileQueued = () => job.Requeue(QueuedAt);
        whileQueued.Should().Throw<DomainException>().Which.Code.Should().Be("media_job.not_ended");
        job.Claim(QueuedAt, Lease);
        job.Succeed(QueuedAt.AddMinutes(5));

        job.Requeue(QueuedAt.AddDays(1));

        (job.State, job.Attempts, job.NextAttemptAt, job.FinishedAt, job.IsClaimable(QueuedAt.AddDays(1)))
            .Should().Be((MediaJobState.Queued, 0, QueuedAt.AddDays(1), (DateTimeOffset?)null, true));
    }

    [Fact]
    public void A_failure_that_trying_again_cannot_mend_fails_the_job_at_once()
    {
        var job = MediaJob.Queue(Guid.NewGuid(), MediaTask.Poster, QueuedAt);
        job.Claim(QueuedAt, Lease);

        job.FailAttempt("no video stream", QueuedAt, final: true);

        job.State.Should().Be(MediaJobState.Failed);
        job.Attempts.Should().Be(1);
    }

    [Fact]
    public void A_job_whose_lease_ran_out_is_claimed_again_as_a_new_attempt()
    {
        var job = MediaJob.Queue(Guid.NewGuid(), MediaTask.Poster, QueuedAt);
        job.Claim(QueuedAt, Lease);

        job.Claim(QueuedAt + Lease, Lease).Should().BeTrue();

        job.Attempts.Should().Be(2);
        job.LeaseExpiresAt.Should().Be(QueuedAt + Lease + Lease);
    }

    [Fact]
    public void A_last_attempt_that_outlived_its_lease_fails_the_job_instead_of_running_again()
    {
        var job = MediaJob.Queue(Guid.NewGuid(), MediaTask.Poster, QueuedAt);
        var now = QueuedAt;
        for (var attempt = 1; attempt <= MediaJob.MaxAttempts; attempt++)
        {
            job.Claim(now, Lease);
            now += Lease;
        }

        job.Claim(now, Lease).Should().BeFalse();

        job.State.Should().Be(MediaJobState.Failed);
        job.LastError.Should().Contain("did not finish within its lease");
    }

    [Fact]
    public void A_job_given_back_at_shutdown_is_due_at_once_and_its_unfinished_attempt_not_counted()
    {
        var job = MediaJob.Queue(Guid.NewGuid(), MediaTask.Poster, QueuedAt);
        job.Claim(QueuedAt, Lease);

        job.Release(QueuedAt.AddMinutes(1));

        job.State.Should().Be(MediaJobState.Queued);
        job.Attempts.Should().Be(0);
        job.IsClaimable(QueuedAt.AddMinutes(1)).Should().BeTrue();
    }

    [Fact]
    public void Only_a_running_job_can_succeed_and_a_done_one_is_never_claimed_again()
    {
        var job = MediaJob.Queue(Guid.NewGuid(), MediaTask.Poster, QueuedAt);

        var early = () => job.Succeed(QueuedAt);
        early.Should().Throw<DomainException>().Which.Code.Should().Be("media_job.not_running");

        job.Claim(QueuedAt, Lease);
        job.Succeed(QueuedAt.AddMinutes(1));
        job.State.Should().Be(MediaJobState.Done);
        job.IsClaimable(QueuedAt.AddDays(1)).Should().BeFalse();
        var again = () => job.Claim(QueuedAt.AddDays(1), Lease);
        again.Should().Throw<DomainException>().Which.Code.Should().Be("media_job.not_claimable");
    }
}
