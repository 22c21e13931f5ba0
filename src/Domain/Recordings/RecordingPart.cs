namespace ItqanRecording.Domain.Recordings;

/// <summary>
/// One file of a recording that LiveKit cut at its time limit (<c>EGRESS_LIMIT_REACHED</c>) while the class went
/// on: the egress that wrote it, its file and how long it plays. Parts are numbered from 1 in the order they were
/// recorded; together they are the whole class.
/// </summary>
public sealed record RecordingPart(int Number, string EgressId, RecordingFile File, TimeSpan Duration);
