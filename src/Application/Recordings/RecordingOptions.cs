using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Application.Recordings;

/// <summary>
/// Per-kind recording defaults (section <c>Recording</c>, e.g. <c>Recording:Quran:Layout</c>), one entry for every
/// registered kind (<see cref="ISessionKindRegistration"/>); academies and sessions may adjust them. Checked at start-up against
/// what LiveKit's <c>StartRoomCompositeEgress</c> accepts (<see cref="RecordingOptionsValidator"/>), so a mistyped
/// preset stops the API with the key's name instead of failing a teacher's Start with a 502.
/// </summary>
public sealed class RecordingOptions : IValidatableObject
{
    public const string SectionName = "Recording";

    /// <summary>Every registered kind's defaults: its registration's, then what <c>Recording:{Kind}</c> sets.</summary>
    public Dictionary<SessionKind, KindRecordingOptions> Kinds { get; } = [];

    public RecordingConfiguration DefaultsFor(SessionKind kind) =>
        Kinds.TryGetValue(kind, out var options)
            ? options.ToConfiguration()
            : throw new InvalidOperationException($"Session kind '{kind}' is not registered.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Kinds.Count == 0
            ? [new ValidationResult($"{SectionName}: no session kind is registered.")]
            : Kinds.SelectMany(k => k.Value.Problems($"{SectionName}:{SessionKindKeys.KeyOf(k.Key)}"))
                .Select(problem => new ValidationResult(problem));
}

public sealed class KindRecordingOptions
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

    public string Layout { get; set; } = "grid";

    public string EncodingPreset { get; set; } = "H264_720P_30";

    public bool AudioOnly { get; set; }

    public RecordingFormat Format { get; set; } = RecordingFormat.Mp4;

    public RecordingConfiguration ToConfiguration() => new(Layout, EncodingPreset, AudioOnly, Format);

    /// <summary>
    /// What LiveKit would refuse in these settings (shared/reference/livekit-egress-protocol.md §3.1, §3.3), each
    /// naming its key below <paramref name="key"/> (e.g. <c>Recording:Quran</c>) and its environment variable.
    /// </summary>
    public IEnumerable<string> Problems(string key)
    {
        var env = key.Replace(":", "__", StringComparison.Ordinal);
        if (!Layouts.Contains(Layout))
        {
            yield return $"{key}:Layout (env {env}__Layout) is '{Layout}'; LiveKit's layouts are {string.Join(", ", Layouts)}.";
        }

        if (!EncodingPresets.Contains(EncodingPreset))
        {
            yield return $"{key}:EncodingPreset (env {env}__EncodingPreset) is '{EncodingPreset}'; LiveKit's presets are {string.Join(", ", EncodingPresets)}.";
        }

        if (!Enum.IsDefined(Format))
        {
            yield return $"{key}:Format (env {env}__Format) must be Mp4 or Ogg.";
        }
        else if (Format == RecordingFormat.Ogg && !AudioOnly)
        {
            yield return $"{key}:Format (env {env}__Format) is Ogg, which holds sound only: set {key}:AudioOnly to true, or use Mp4.";
        }
    }
}
