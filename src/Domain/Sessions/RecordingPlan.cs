namespace ItqanRecording.Domain.Sessions;

/// <summary>What a session asks LiveKit to record: its room, how, and the file's path under the storage root.</summary>
public sealed record RecordingPlan(string RoomName, RecordingConfiguration Configuration, string RelativePath);
