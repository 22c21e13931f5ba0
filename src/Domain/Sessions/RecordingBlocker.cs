namespace ItqanRecording.Domain.Sessions;

/// <summary>Why a session cannot be recorded right now.</summary>
public enum RecordingBlocker
{
    RecordingDisabled,
    NoMeetingRoom,
    SessionNotReady,
    AlreadyRecording,
}
