namespace ItqanRecording.Domain.Recordings.Media;

/// <summary>
/// How a video's seek previews are laid out in their one sprite image: a still every <see cref="Interval"/> (at least
/// 2 s, longer for long recordings so there are at most <see cref="MaxTiles"/>), each <see cref="TileWidth"/> ×
/// <see cref="TileHeight"/>, <see cref="Columns"/> to a row. The player's thumbnails track (WebVTT) is made from the
/// same grid, so the image and the track always agree.
/// </summary>
public sealed record SeekPreviewGrid(TimeSpan Interval, int Count)
{
    public const int TileWidth = 160;
    public const int TileHeight = 90;
    public const int Columns = 10;
    public const int MaxTiles = 100;

    private static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(2);

    public int Rows => (Count + Columns - 1) / Columns;

    public static SeekPreviewGrid For(TimeSpan duration)
    {
        var seconds = Math.Max(ShortestInterval.TotalSeconds, Math.Ceiling(duration.TotalSeconds / MaxTiles));
        var interval = TimeSpan.FromSeconds(seconds);
        return new SeekPreviewGrid(interval, Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds / seconds)));
    }

    /// <summary>The stretch of the recording each tile stands for, and where the tile lies in the sprite.</summary>
    public IEnumerable<(TimeSpan From, TimeSpan To, int X, int Y)> Tiles(TimeSpan duration) =>
        Enumerable.Range(0, Count).Select(i => (
            Interval * i,
            i == Count - 1 ? Max(duration, Interval * i) : Interval * (i + 1),
            i % Columns * TileWidth,
            i / Columns * TileHeight));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
