namespace ItqanRecording.LiveKitEmulator.Media;

public enum MediaContainer
{
    Mp4,
    Ogg,
    Mp3,
}

/// <summary>What kind of media file to generate: container and which streams it holds.</summary>
public sealed record MediaSpec(MediaContainer Container, bool Audio, bool Video)
{
    public string Extension => Container switch
    {
        MediaContainer.Mp4 => ".mp4",
        MediaContainer.Ogg => ".ogg",
        _ => ".mp3",
    };

    /// <summary>The media type livekit/egress uploads the file with (its <c>OutputType</c>).</summary>
    public string ContentType => Container switch
    {
        MediaContainer.Mp4 => "video/mp4",
        MediaContainer.Ogg => "audio/ogg",
        _ => "audio/mpeg",
    };
}
