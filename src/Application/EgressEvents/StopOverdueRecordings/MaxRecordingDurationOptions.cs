using Itqan.Recording.Domain.Sessions;

namespace Itqan.Recording.Application.EgressEvents.StopOverdueRecordings;

/// <summary>
/// How long a recording of each kind may run before the service stops it (section <c>Recording:MaxDuration</c>):
/// a forgotten recording must not fill the disk. Three hours by default, LiveKit Cloud's own limit for a file.
/// </summary>
public sealed class MaxRecordingDurationOptions
{
    public const string SectionName = "Recording:MaxDuration";

    public TimeSpan Interactive { get; set; } = TimeSpan.FromHours(3);

    public TimeSpan Quran { get; set; } = TimeSpan.FromHours(3);

    public TimeSpan Academic { get; set; } = TimeSpan.FromHours(3);

    public TimeSpan For(SessionKind kind) => kind switch
    {
        SessionKind.Interactive => Interactive,
        SessionKind.Quran => Quran,
        SessionKind.Academic => Academic,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public bool IsValid => Interactive > TimeSpan.Zero && Quran > TimeSpan.Zero && Academic > TimeSpan.Zero;
}
