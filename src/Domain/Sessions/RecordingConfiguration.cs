using Itqan.Recording.Domain.Recordings;

namespace Itqan.Recording.Domain.Sessions;

/// <summary>How LiveKit should record: template layout, encoding preset, audio only, file format.</summary>
public sealed record RecordingConfiguration(string Layout, string EncodingPreset, bool AudioOnly, RecordingFormat Format);
