namespace ItqanRecording.Domain.Learning;

/// <summary>
/// A stretch of a recording the player reports as played since its last heartbeat, in whole seconds (from rounded
/// down, to rounded up). A heartbeat covers at most <see cref="MaxLength"/>: a player beats every ten seconds or so,
/// at up to twice the speed, so a longer one is no heartbeat.
/// </summary>
public readonly record struct WatchedSpan(int FromSeconds, int ToSeconds)
{
    public static readonly TimeSpan MaxLength = TimeSpan.FromSeconds(60);

    public int Length => ToSeconds - FromSeconds;

    public static WatchedSpan Of(double fromSeconds, double toSeconds) =>
        new((int)Math.Floor(fromSeconds), (int)Math.Ceiling(toSeconds));
}
