using System.Globalization;

namespace ItqanRecording.Domain.Recordings;

/// <summary>The human-readable forms the seed platform showed: <c>01:02:03</c> and <c>43.6 MB</c>.</summary>
public static class RecordingFormatting
{
    private static readonly string[] SizeUnits = ["B", "KB", "MB", "GB", "TB"];

    public static string FormatDuration(TimeSpan duration)
    {
        var totalSeconds = (long)Math.Floor(duration.TotalSeconds);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{totalSeconds / 3600:00}:{totalSeconds / 60 % 60:00}:{totalSeconds % 60:00}");
    }

    public static string FormatFileSize(long bytes)
    {
        double size = bytes;
        var unit = 0;
        while (size >= 1024 && unit < SizeUnits.Length - 1)
        {
            size /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{size:0.0} {SizeUnits[unit]}");
    }
}
