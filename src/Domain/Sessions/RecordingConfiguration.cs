using ItqanRecording.Domain.Recordings;

namespace ItqanRecording.Domain.Sessions;

/// <summary>How LiveKit should record: template layout, encoding preset, audio only, file format.</summary>
public sealed record RecordingConfiguration(string Layout, string EncodingPreset, bool AudioOnly, RecordingFormat Format);
