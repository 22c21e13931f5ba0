namespace ItqanRecording.TestSupport;

/// <summary>Real media files made with Debian's ffmpeg for the tests.</summary>
public static class TestMedia
{
    /// <summary>An MP4 holding only a 2-second AAC tone: a file with no picture to take a poster from.</summary>
    public static async Task WriteAudioOnlyMp4Async(string path)
    {
        var outcome = await ProcessRunner.RunAsync(
            "ffmpeg",
            ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac", "-f", "mp4", "-y", path],
            null,
            TimeSpan.FromSeconds(60),
            CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"ffmpeg failed ({outcome.ExitCode}): {outcome.Output}");
        }
    }
}
