using ItqanRecording.Domain.Common;

namespace ItqanRecording.Domain.Recordings.Media;

/// <summary>
/// One piece of work on a completed recording's file (<see cref="Task"/>), kept in the database so any instance can
/// do it and a crash loses nothing. An instance claims a queued job (Running, with a lease it must finish within;
/// a job whose lease ran out is claimed again), then records how the attempt went: Done, or a failure that is tried
/// again after <see cref="RetryDelayAfter"/> until <see cref="MaxAttempts"/> attempts have failed.
/// </summary>
public sealed class MediaJob
{
    public const int MaxAttempts = 4;

    public const int MaxErrorLength = 2000;

    private MediaJob()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordingId { get; private set; }

    public MediaTask Task { get; private set; }

    public MediaJobState State { get; private set; }

    /// <summary>Attempts begun so far; a claim counts one.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>When a queued job may be claimed next.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Until when the claiming instance may work on a running job; after it, the job is claimed again.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; private set; }

    public static MediaJob Queue(Guid recordingId, MediaTask task, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordingId = recordingId,
        Task = task,
        State = MediaJobState.Queued,
        QueuedAt = at,
        NextAttemptAt = at,
    };

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failed ones: 30 s, 2 min, 8 min.</summary>
    public static TimeSpan RetryDelayAfter(int failedAttempts) =>
        TimeSpan.FromSeconds(30 * Math.Pow(4, Math.Clamp(failedAttempts, 1, MaxAttempts) - 1));

    /// <summary>Whether an instance may claim the job at <paramref name="at"/>: queued and due, or running past its lease.</summary>
    public bool IsClaimable(DateTimeOffset at) =>
        (State == MediaJobState.Queued && NextAttemptAt <= at) || (State == MediaJobState.Running && LeaseExpiresAt <= at);

    /// <summary>
    /// This instance takes the job until <paramref name="at"/> + <paramref name="lease"/>. A job whose last attempt
    /// outlived its lease (its instance died or hung) counts that attempt as failed; when it was the last one, the job
    /// fails instead and false is returned.
    /// </summary>
    public bool Claim(DateTimeOffset at, TimeSpan lease)
    {
        if (!IsClaimable(at))
        {
            throw new DomainException("media_job.not_claimable", $"Media job {Id} is {State} and cannot be claimed now.");
        }

        if (State == MediaJobState.Running && Attempts >= MaxAttempts)
        {
            FailAttempt("The last attempt did not finish within its lease.", at);
            return false;
        }

        State = MediaJobState.Running;
        Attempts++;
        LeaseExpiresAt = at + lease;
        return true;
    }

    /// <summary>
    /// This instance lets go of the job without an outcome (it is shutting down): queued again at once, and the
    /// attempt it never finished not counted.
    /// </summary>
    public void Release(DateTimeOffset at)
    {
        EnsureRunning();
        State = MediaJobState.Queued;
        Attempts--;
        LeaseExpiresAt = null;
        NextAttemptAt = at;
    }

    /// <summary>A job that ended (done or failed) is asked for again: queued at once, with all its attempts ahead of it.</summary>
    public void Requeue(DateTimeOffset at)
    {
        if (State is not (MediaJobState.Done or MediaJobState.Failed))
        {
            throw new DomainException("media_job.not_ended", $"Media job {Id} is {State}: only an ended job is queued again.");
        }

        State = MediaJobState.Queued;
        Attempts = 0;
        NextAttemptAt = at;
        FinishedAt = null;
        LastError = null;
    }

    public void Succeed(DateTimeOffset at)
    {
        EnsureRunning();
        State = MediaJobState.Done;
        FinishedAt = at;
        LeaseExpiresAt = null;
        LastError = null;
    }

    /// <summary>
    /// The attempt failed: queued again after <see cref="RetryDelayAfter"/>, or failed for good when it was the last
    /// attempt or when trying again cannot help (<paramref name="final"/>: the recording has no picture, no file).
    /// </summary>
    public void FailAttempt(string reason, DateTimeOffset at, bool final = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureRunning();
        LastError = reason.Length <= MaxErrorLength ? reason : reason[..MaxErrorLength];
        LeaseExpiresAt = null;
        if (final || Attempts >= MaxAttempts)
        {
            State = MediaJobState.Failed;
            FinishedAt = at;
            return;
        }

        State = MediaJobState.Queued;
        NextAttemptAt = at + RetryDelayAfter(Attempts);
    }

    private void EnsureRunning()
    {
        if (State != MediaJobState.Running)
        {
            throw new DomainException("media_job.not_running", $"Media job {Id} is {State}, not running: it was not claimed.");
        }
    }
}
