namespace ItqanRecording.Application.Sessions;

/// <summary>
/// What a session's recording panel shows: <see cref="Recording"/> while a recording runs; otherwise what became of
/// the newest recording the user may see (deleted ones aside): still <see cref="Processing"/>, <see cref="Available"/>
/// to watch, or <see cref="Failed"/>; <see cref="Idle"/> when there is none.
/// </summary>
public enum RecordingAvailability
{
    Idle,
    Recording,
    Processing,
    Available,
    Failed,
}
