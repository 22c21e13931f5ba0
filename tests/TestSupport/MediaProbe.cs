using System.Globalization;
using System.Text.Json;

namespace ItqanRecording.TestSupport;

/// <summary>What Debian's ffprobe reads in a media file: the check of every media output the tests make.</summary>
public static class MediaProbe
{
    public sealed record Stream(string CodecType, string CodecName, int? Width, int? Height);

    /// <summary>The file's streams, as ffprobe decodes them; fails when ffprobe cannot read the file.</summary>
    public static async Task<IReadOnlyList<Stream>> StreamsAsync(string path)
    {
        var probed = await RunAsync(["-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height", "-of", "json", path]);
        using var document = JsonDocument.Parse(probed);
        return [.. document.RootElement.GetProperty("streams").EnumerateArray().Select(s => new Stream(
            s.GetProperty("codec_type").GetString()!,
            s.GetProperty("codec_name").GetString()!,
            s.TryGetProperty("width", out var width) ? width.GetInt32() : null,
            s.TryGetProperty("height", out var height) ? height.GetInt32() : null))];
    }

    /// <summary>The file's duration as its container states it.</summary>
    public static async Task<TimeSpan> DurationAsync(string path)
    {
        var probed = await RunAsync(["-v", "error", "-show_entries", "format=duration", "-of", "json", path]);
        using var document = JsonDocument.Parse(probed);
        return TimeSpan.FromSeconds(double.Parse(
            document.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The mean brightness (luma, 0–255) of an image's first frame, or of its <paramref name="crop"/> (ffmpeg's
    /// <c>w:h:x:y</c>): near 16 for a black frame.
    /// </summary>
    public static async Task<double> MeanBrightnessAsync(string imagePath, string? crop = null)
    {
        var source = imagePath.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace(":", "\\:", StringComparison.Ordinal);
        var probed = await RunAsync(
            ["-v", "error", "-f", "lavfi", "-i", $"movie='{source}'{(crop is null ? "" : ",crop=" + crop)},signalstats", "-show_entries", "frame_tags=lavfi.signalstats.YAVG", "-of", "json"]);
        using var document = JsonDocument.Parse(probed);
        var frame = document.RootElement.GetProperty("frames")[0];
        return double.Parse(frame.GetProperty("tags").GetProperty("lavfi.signalstats.YAVG").GetString()!, CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var outcome = await ProcessRunner.RunAsync("ffprobe", arguments, null, TimeSpan.FromSeconds(60), CancellationToken.None);
        return outcome.Succeeded ? outcome.Output : throw new InvalidOperationException($"ffprobe failed ({outcome.ExitCode}): {outcome.Output}");
    }
}
