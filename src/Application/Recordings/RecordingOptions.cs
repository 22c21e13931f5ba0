using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Sessions;

namespace Itqan.Recording.Application.Recordings;

/// <summary>Per-kind recording defaults (section <c>Recording</c>); sessions may adjust them.</summary>
public sealed class RecordingOptions
{
    public const string SectionName = "Recording";

    public KindRecordingOptions Interactive { get; set; } = new();

    public KindRecordingOptions Quran { get; set; } = new() { Layout = "speaker" };

    public KindRecordingOptions Academic { get; set; } = new() { Layout = "speaker" };

    public RecordingConfiguration DefaultsFor(SessionKind kind) => (kind switch
    {
        SessionKind.Interactive => Interactive,
        SessionKind.Quran => Quran,
        SessionKind.Academic => Academic,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    }).ToConfiguration();
}

public sealed class KindRecordingOptions
{
    public string Layout { get; set; } = "grid";

    public string EncodingPreset { get; set; } = "H264_720P_30";

    public bool AudioOnly { get; set; }

    public RecordingFormat Format { get; set; } = RecordingFormat.Mp4;

    public RecordingConfiguration ToConfiguration() => new(Layout, EncodingPreset, AudioOnly, Format);
}
