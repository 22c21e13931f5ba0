namespace ItqanRecording.Domain.Learning;

/// <summary>
/// How much of a recording a user has watched: the seconds of it they have seen at least once (their watched spans
/// merged, so watching a part twice counts it once), and where they stopped, to resume there.
/// </summary>
public sealed class WatchProgress
{
    private WatchProgress()
    {
    }

    public Guid RecordingId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid AcademyId { get; private set; }

    /// <summary>Seconds of the recording seen at least once.</summary>
    public int WatchedSeconds { get; private set; }

    /// <summary>Where the last heartbeat ended: where playback resumes.</summary>
    public int PositionSeconds { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The share of a recording of <paramref name="duration"/> seen (0–1).</summary>
    public static double CoverageOf(int watchedSeconds, TimeSpan duration) =>
        duration.TotalSeconds < 1 ? 0 : Math.Min(1, watchedSeconds / duration.TotalSeconds);
}
