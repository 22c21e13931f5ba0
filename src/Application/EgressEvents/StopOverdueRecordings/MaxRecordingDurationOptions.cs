using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Options;
using ItqanRecording.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.EgressEvents.StopOverdueRecordings;

/// <summary>
/// How long a recording of each kind may run before the service stops it (section <c>Recording:MaxDuration</c>):
/// a forgotten recording must not fill the disk. Three hours by default, LiveKit Cloud's own limit for a file.
/// </summary>
public sealed class MaxRecordingDurationOptions
{
    public const string SectionName = "Recording:MaxDuration";

    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Recording:MaxDuration:Interactive (env Recording__MaxDuration__Interactive) must be positive.")]
    public TimeSpan Interactive { get; set; } = TimeSpan.FromHours(3);

    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Recording:MaxDuration:Quran (env Recording__MaxDuration__Quran) must be positive.")]
    public TimeSpan Quran { get; set; } = TimeSpan.FromHours(3);

    [SettingRange(SettingRangeAttribute.Zero, SettingRangeAttribute.Longest, MinimumIsExclusive = true,
        ErrorMessage = "Recording:MaxDuration:Academic (env Recording__MaxDuration__Academic) must be positive.")]
    public TimeSpan Academic { get; set; } = TimeSpan.FromHours(3);

    public TimeSpan For(SessionKind kind) => kind switch
    {
        SessionKind.Interactive => Interactive,
        SessionKind.Quran => Quran,
        SessionKind.Academic => Academic,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Checks <see cref="MaxRecordingDurationOptions"/> at start-up, naming each duration that is not positive.</summary>
[OptionsValidator]
public sealed partial class MaxRecordingDurationOptionsValidator : IValidateOptions<MaxRecordingDurationOptions>;
