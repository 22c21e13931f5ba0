using System.ComponentModel.DataAnnotations;

namespace ItqanRecording.Application.Learning;

/// <summary>When a student counts as having attended or watched (section <c>Learning</c>).</summary>
public sealed class LearningOptions
{
    public const string SectionName = "Learning";

    /// <summary>A recording counts as watched once this share of it was seen (<c>Learning:WatchedCoverage</c>).</summary>
    [Range(0.05, 1.0)]
    public double WatchedCoverage { get; set; } = 0.9;

    /// <summary>
    /// A student who was in the room for less than this share of the class (the time from its first join to its last
    /// leave) left early (<c>Learning:AttendedShare</c>).
    /// </summary>
    [Range(0.05, 1.0)]
    public double AttendedShare { get; set; } = 0.8;

    /// <summary>
    /// How often each instance writes the heartbeats it gathered (<c>Learning:HeartbeatFlushInterval</c>): what a
    /// crash may lose, and how soon progress shows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan HeartbeatFlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}
