using Itqan.Recording.Domain.Recordings;
using Microsoft.Extensions.Options;

namespace Itqan.Recording.Application.Recordings;

/// <summary>
/// Checks <see cref="RecordingOptions"/> at start-up against what LiveKit's <c>StartRoomCompositeEgress</c> accepts
/// (shared/reference/livekit-egress-protocol.md §3.1, §3.3), so a mistyped preset stops the API with the key's name
/// instead of failing a teacher's Start with a 502.
/// </summary>
public sealed class RecordingOptionsValidator : IValidateOptions<RecordingOptions>
{
    /// <summary>The built-in template's layouts; each may end in <c>-light</c>.</summary>
    public static readonly IReadOnlySet<string> Layouts = new HashSet<string>(StringComparer.Ordinal)
    {
        "grid", "speaker", "single-speaker", "grid-light", "speaker-light", "single-speaker-light",
    };

    /// <summary>LiveKit's <c>EncodingOptionsPreset</c> names a room composite can use (not PASSTHROUGH: single tracks only).</summary>
    public static readonly IReadOnlySet<string> EncodingPresets = new HashSet<string>(StringComparer.Ordinal)
    {
        "H264_720P_30", "H264_720P_60", "H264_1080P_30", "H264_1080P_60",
        "PORTRAIT_H264_720P_30", "PORTRAIT_H264_720P_60", "PORTRAIT_H264_1080P_30", "PORTRAIT_H264_1080P_60",
    };

    public ValidateOptionsResult Validate(string? name, RecordingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(nameof(RecordingOptions.Interactive), options.Interactive, failures);
        Check(nameof(RecordingOptions.Quran), options.Quran, failures);
        Check(nameof(RecordingOptions.Academic), options.Academic, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string kind, KindRecordingOptions options, List<string> failures)
    {
        var key = $"{RecordingOptions.SectionName}:{kind}";
        var env = $"{RecordingOptions.SectionName}__{kind}";
        if (!Layouts.Contains(options.Layout))
        {
            failures.Add($"{key}:Layout (env {env}__Layout) is '{options.Layout}'; LiveKit's layouts are {string.Join(", ", Layouts)}.");
        }

        if (!EncodingPresets.Contains(options.EncodingPreset))
        {
            failures.Add(
                $"{key}:EncodingPreset (env {env}__EncodingPreset) is '{options.EncodingPreset}'; LiveKit's presets are {string.Join(", ", EncodingPresets)}.");
        }

        if (!Enum.IsDefined(options.Format))
        {
            failures.Add($"{key}:Format (env {env}__Format) must be Mp4 or Ogg.");
        }
        else if (options.Format == RecordingFormat.Ogg && !options.AudioOnly)
        {
            failures.Add($"{key}:Format (env {env}__Format) is Ogg, which holds sound only: set {key}:AudioOnly to true, or use Mp4.");
        }
    }
}
