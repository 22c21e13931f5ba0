namespace ItqanRecording.Domain.Sessions;

public enum SessionStatus
{
    Scheduled,
    Ready,
    Ongoing,
    Completed,
    Cancelled,
}
