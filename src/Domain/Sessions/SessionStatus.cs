namespace ItqanRecording.Domain.Sessions;

public enum SessionStatus
{
    Scheduled,
    Ready,
    Ongoing,
    Completed,
    Cancelled,
}

public static class SessionStatusExtensions
{
    /// <summary>Whether the class is over: it took place (<see cref="SessionStatus.Completed"/>) or will not (<see cref="SessionStatus.Cancelled"/>).</summary>
    public static bool IsOver(this SessionStatus status) => status is SessionStatus.Completed or SessionStatus.Cancelled;
}
