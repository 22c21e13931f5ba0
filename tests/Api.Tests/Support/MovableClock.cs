namespace ItqanRecording.Api.Tests.Support;

/// <summary>The system clock, which a test may set or move forward; it keeps running from there.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _shiftTicks, (now - base.GetUtcNow()).Ticks);
}
