namespace ItqanRecording.Domain.Recordings.Media;

/// <summary>A version of a video in its HLS packaging.</summary>
public enum HlsVariant
{
    /// <summary>The recording's own picture and sound, stream-copied: nothing encoded again.</summary>
    Source,

    /// <summary>
    /// The low-bandwidth rendition, for a weak connection: 360 lines of H.264 and AAC at
    /// <see cref="LowBandwidthRendition.Bandwidth"/>, made only where the academy offers it.
    /// </summary>
    Low,
}

/// <summary>How the low-bandwidth rendition is encoded: small enough for a phone on a weak mobile connection.</summary>
public static class LowBandwidthRendition
{
    public const int Height = 360;

    public const int VideoKilobitsPerSecond = 500;

    public const int AudioKilobitsPerSecond = 64;

    /// <summary>The peak bits per second a player plans for (the encoder's cap plus the sound and the container).</summary>
    public const long Bandwidth = (VideoKilobitsPerSecond * 1_200L + AudioKilobitsPerSecond * 1_000L) * 11 / 10;
}
