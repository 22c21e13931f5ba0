namespace ItqanRecording.Domain.Recordings;

public enum RecordingStatus
{
    Recording,
    Processing,
    Completed,
    Failed,
    Deleted,
}
