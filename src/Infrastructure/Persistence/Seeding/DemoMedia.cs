using System.Diagnostics;
using System.Globalization;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Infrastructure.Persistence.Seeding;

/// <summary>Real, playable media for the demo's completed recordings, made with ffmpeg when missing.</summary>
public sealed class DemoMedia(LocalRecordingStorage storage, ILogger<DemoMedia> logger)
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(12);

    /// <summary>The file's size and length, or null when ffmpeg is not there to make it.</summary>
    public async Task<(long SizeBytes, TimeSpan Duration)?> EnsureAsync(string relativePath, RecordingFormat format, CancellationToken cancellationToken)
    {
        var fullPath = storage.ResolveInsideRoot(relativePath) ?? throw new InvalidOperationException($"{relativePath} leaves the storage root.");
        if (!File.Exists(fullPath) && !await WriteAsync(fullPath, format, cancellationToken))
        {
            return null;
        }

        return (new FileInfo(fullPath).Length, Length);
    }

    private async Task<bool> WriteAsync(string fullPath, RecordingFormat format, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var seconds = Length.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var arguments = format == RecordingFormat.Ogg
            ? $"-y -loglevel error -f lavfi -i sine=frequency=330:duration={seconds} -c:a libopus -b:a 48k \"{fullPath}\""
            : $"-y -loglevel error -f lavfi -i testsrc2=size=640x360:rate=25:duration={seconds} -f lavfi -i sine=frequency=440:duration={seconds} " +
              $"-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart \"{fullPath}\"";
        try
        {
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", arguments) { RedirectStandardError = true });
            if (ffmpeg is null)
            {
                return false;
            }

            var errors = await ffmpeg.StandardError.ReadToEndAsync(cancellationToken);
            await ffmpeg.WaitForExitAsync(cancellationToken);
            if (ffmpeg.ExitCode != 0)
            {
                logger.LogWarning("ffmpeg could not write demo media {Path}: {Errors}", fullPath, errors);
            }

            return ffmpeg.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            logger.LogWarning(exception, "ffmpeg is not installed; demo recordings are left out");
            return false;
        }
    }
}
