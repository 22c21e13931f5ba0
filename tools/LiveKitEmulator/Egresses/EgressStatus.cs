namespace ItqanRecording.LiveKitEmulator.Egresses;

/// <summary>LiveKit's <c>EgressStatus</c>; the numbers are the proto numbers.</summary>
public enum EgressStatus
{
    Starting = 0,
    Active = 1,
    Ending = 2,
    Complete = 3,
    Failed = 4,
    Aborted = 5,
    LimitReached = 6,
}

public static class EgressStatusExtensions
{
    public static bool IsTerminal(this EgressStatus status) => status >= EgressStatus.Complete;
}
