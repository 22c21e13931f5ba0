namespace ItqanRecording.Domain.Recordings;

public enum RecordingFormat
{
    Mp4,
    Ogg,
}

public static class RecordingFormatExtensions
{
    public static string FileExtension(this RecordingFormat format) => format switch
    {
        RecordingFormat.Mp4 => "mp4",
        RecordingFormat.Ogg => "ogg",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string ContentType(this RecordingFormat format) => format switch
    {
        RecordingFormat.Mp4 => "video/mp4",
        RecordingFormat.Ogg => "audio/ogg",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static RecordingFormat FromFileName(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".ogg" or ".oga" or ".opus" => RecordingFormat.Ogg,
            _ => RecordingFormat.Mp4,
        };
}
