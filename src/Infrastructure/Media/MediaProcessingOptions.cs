using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Media;

/// <summary>How this instance works on media jobs (section <c>MediaProcessing</c>), checked at start-up.</summary>
public sealed class MediaProcessingOptions
{
    public const string SectionName = "MediaProcessing";

    /// <summary>How often an idle instance looks for due jobs; it takes one at a time, and the next at once.</summary>
    [SettingRange("00:00:01", SettingRangeAttribute.Longest,
        ErrorMessage = "MediaProcessing:PollInterval (env MediaProcessing__PollInterval) must be at least 00:00:01.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an attempt may take before another instance may claim the job again.</summary>
    [SettingRange("00:01:00", SettingRangeAttribute.Longest,
        ErrorMessage = "MediaProcessing:Lease (env MediaProcessing__Lease) must be at least 00:01:00.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(15);

    [Required(AllowEmptyStrings = false, ErrorMessage = "MediaProcessing:FfmpegPath (env MediaProcessing__FfmpegPath) must name ffmpeg.")]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The <c>nice</c> level ffmpeg runs at, so the API's requests come first on a busy machine (0–19).</summary>
    [Range(0, 19, ErrorMessage = "MediaProcessing:Niceness (env MediaProcessing__Niceness) must lie between 0 and 19.")]
    public int Niceness { get; set; } = 10;
}

/// <summary>Checks <see cref="MediaProcessingOptions"/> at start-up and names every invalid setting.</summary>
[OptionsValidator]
public sealed partial class MediaProcessingOptionsValidator : IValidateOptions<MediaProcessingOptions>;
