namespace Itqan.Recording.Domain.Sessions;

public enum SessionStatus
{
    Scheduled,
    Ready,
    Ongoing,
    Completed,
    Cancelled,
}
