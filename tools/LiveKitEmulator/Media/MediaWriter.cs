using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ItqanRecording.LiveKitEmulator.Media;

/// <param name="Size">Bytes written; 0 on failure.</param>
/// <param name="Error">Why no file was written; null on success.</param>
public sealed record MediaWriteResult(long Size, string? Error);

/// <summary>
/// Writes a real, playable test-pattern file with ffmpeg: H.264/AAC MP4 (faststart), Opus OGG or MP3.
/// It writes beside the target and renames, so the file appears complete or not at all.
/// </summary>
public sealed class MediaWriter(IOptions<EmulatorOptions> options, ILogger<MediaWriter> logger)
{
    public async Task<MediaWriteResult> WriteAsync(MediaSpec spec, string localPath, TimeSpan duration, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(localPath)!;
        var partial = Path.Combine(directory, $".{Path.GetFileName(localPath)}.{Guid.NewGuid():N}.partial");
        var start = new ProcessStartInfo(options.Value.FfmpegPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(spec, duration, partial))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            Directory.CreateDirectory(directory);
            var (exitCode, errors) = await RunAsync(start, cancellationToken);
            if (exitCode != 0)
            {
                return new(0, $"ffmpeg exited with code {exitCode}: {errors.Trim()}");
            }

            File.Move(partial, localPath, overwrite: true);
            var size = new FileInfo(localPath).Length;
            logger.LogInformation("Wrote {Container} media of {Seconds} s to {LocalPath} ({Size} bytes)",
                spec.Container, duration.TotalSeconds, localPath, size);
            return new(size, null);
        }
        catch (Win32Exception e)
        {
            return new(0, $"cannot run {options.Value.FfmpegPath}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(0, e.Message);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private static async Task<(int ExitCode, string Errors)> RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await output;
        return (process.ExitCode, await errors);
    }

    private static List<string> Arguments(MediaSpec spec, TimeSpan duration, string target)
    {
        var arguments = new List<string> { "-hide_banner", "-loglevel", "error", "-nostdin", "-y" };
        if (spec.Video)
        {
            arguments.AddRange(["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25"]);
        }

        if (spec.Audio)
        {
            arguments.AddRange(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]);
        }

        arguments.AddRange(["-t", duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        if (spec.Video)
        {
            arguments.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        }

        arguments.AddRange(spec.Container switch
        {
            MediaContainer.Mp4 when spec.Audio => ["-c:a", "aac", "-shortest", "-movflags", "+faststart", "-f", "mp4"],
            MediaContainer.Mp4 => ["-movflags", "+faststart", "-f", "mp4"],
            MediaContainer.Ogg => ["-c:a", "libopus", "-f", "ogg"],
            _ => ["-c:a", "libmp3lame", "-f", "mp3"],
        });
        arguments.Add(target);
        return arguments;
    }
}
