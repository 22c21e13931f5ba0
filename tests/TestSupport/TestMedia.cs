namespace ItqanRecording.TestSupport;

/// <summary>Real media files made with Debian's ffmpeg for the tests.</summary>
public static class TestMedia
{
    /// <summary>An MP4 holding only a 2-second AAC tone: a file with no picture to take a poster from.</summary>
    public static Task WriteAudioOnlyMp4Async(string path) =>
        FfmpegAsync(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac", "-f", "mp4", "-y", path]);

    /// <summary>A 720p H.264 MP4 of <paramref name="seconds"/> of ffmpeg's moving test picture.</summary>
    public static Task WriteVideoAsync(string path, int seconds) =>
        FfmpegAsync(
        [
            "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-f", "mp4", "-y", path,
        ]);

    /// <summary>An Ogg/Opus file of <paramref name="seconds"/> of a tone that swells and fades, as a Quran circle's egress writes.</summary>
    public static Task WriteOggOpusAsync(string path, int seconds) =>
        FfmpegAsync(
        [
            "-f", "lavfi", "-i", $"sine=frequency=330:duration={seconds}", "-af", "volume='0.2+0.8*abs(sin(t))':eval=frame",
            "-c:a", "libopus", "-b:a", "48k", "-f", "ogg", "-y", path,
        ]);

    private static async Task FfmpegAsync(IEnumerable<string> arguments)
    {
        var outcome = await ProcessRunner.RunAsync("ffmpeg", ["-v", "error", .. arguments], null, TimeSpan.FromSeconds(60), CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"ffmpeg failed ({outcome.ExitCode}): {outcome.Output}");
        }
    }
}
