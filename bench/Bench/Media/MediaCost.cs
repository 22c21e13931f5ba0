using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ItqanRecording.Application.Recordings.ProcessMedia;
using ItqanRecording.Domain.Recordings.Media;
using ItqanRecording.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Bench.Media;

/// <summary>
/// What the media jobs cost: the API's own ffmpeg calls (<see cref="FfmpegMediaTools"/>, shipped settings) on a real
/// video and a real audio file, each timed as the CPU its child processes used (user + system, from
/// <c>/proc/self/stat</c>), against the length of the recording. CPU time, not wall time: it does not depend on how
/// busy the shared cores are, only on the work.
/// </summary>
public static class MediaCost
{
    /// <summary>The kernel's clock ticks per second for <c>/proc</c> times (USER_HZ), 100 on Linux.</summary>
    private const double TicksPerSecond = 100;

    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var video = options.Get("video");
        var audio = options.Get("audio");
        var tools = new FfmpegMediaTools(Options.Create(new MediaProcessingOptions()));
        var work = Directory.CreateTempSubdirectory("itqan-media-cost-");
        try
        {
            var poster = await CpuSecondsOfAsync(() =>
                tools.MakePosterAsync(video, ProcessMediaJobHandler.PosterAt, Path.Combine(work.FullName, "poster.jpg"), cancellationToken));
            var videoSeconds = await DurationSecondsAsync(video, cancellationToken);
            var previews = await CpuSecondsOfAsync(() => tools.MakeSeekPreviewsAsync(
                video, SeekPreviewGrid.For(TimeSpan.FromSeconds(videoSeconds)), Path.Combine(work.FullName, "previews.jpg"), cancellationToken));
            // The same video as a long class would have it: a still every 30 s, each taken by seeking to it.
            var seekingGrid = new SeekPreviewGrid(TimeSpan.FromSeconds(30), (int)Math.Ceiling(videoSeconds / 30));
            var previewsBySeeking = await CpuSecondsOfAsync(() => tools.MakeSeekPreviewsAsync(
                video, seekingGrid, Path.Combine(work.FullName, "previews-seeking.jpg"), cancellationToken));
            var hls = await CpuSecondsOfAsync(() => tools.MakeHlsAsync(
                video, Path.Combine(work.FullName, "hls.m4s"), Path.Combine(work.FullName, "hls.m3u8"), cancellationToken));
            var rendition = await CpuSecondsOfAsync(() => tools.MakeLowBandwidthHlsAsync(
                video, Path.Combine(work.FullName, "low.m4s"), Path.Combine(work.FullName, "low.m3u8"), cancellationToken));
            var waveform = await CpuSecondsOfAsync(() => tools.MakeWaveformAsync(audio, Path.Combine(work.FullName, "waveform.jpg"), cancellationToken));
            var aac = await CpuSecondsOfAsync(() => tools.MakeAacCopyAsync(audio, Path.Combine(work.FullName, "copy.m4a"), cancellationToken));
            var result = new Dictionary<string, double>
            {
                ["videoSeconds"] = videoSeconds,
                ["audioSeconds"] = await DurationSecondsAsync(audio, cancellationToken),
                ["posterCpuSeconds"] = poster,
                ["previewsCpuSeconds"] = previews,
                ["previewsBySeekingCpuSeconds"] = previewsBySeeking,
                ["hlsCpuSeconds"] = hls,
                ["renditionCpuSeconds"] = rendition,
                ["waveformCpuSeconds"] = waveform,
                ["aacCpuSeconds"] = aac,
            };
            await File.WriteAllTextAsync(options.Get("out"), JsonSerializer.Serialize(result), cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"media-cost: poster {poster:F2} s, seek previews {previews:F2} s (every 30 s by seeking: {previewsBySeeking:F2} s), HLS {hls:F2} s, 360p rendition {rendition:F2} s CPU ({videoSeconds:F0} s video); waveform {waveform:F2} s, AAC copy {aac:F2} s CPU ({result["audioSeconds"]:F0} s audio)"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<double> CpuSecondsOfAsync(Func<Task> work)
    {
        var before = ChildrenCpuSeconds();
        await work();
        return ChildrenCpuSeconds() - before;
    }

    /// <summary>cutime + cstime of this process: the CPU of the children it has waited for.</summary>
    private static double ChildrenCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is at index 0, so cutime (16) and cstime (17) are at 13 and 14.
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static async Task<double> DurationSecondsAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var probe = Process.Start(start)!;
        var output = await probe.StandardOutput.ReadToEndAsync(cancellationToken);
        await probe.WaitForExitAsync(cancellationToken);
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
