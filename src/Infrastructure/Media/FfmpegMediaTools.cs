using System.Globalization;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Media;

/// <summary>
/// Debian's ffmpeg, run under <c>nice</c> (<see cref="MediaProcessingOptions.Niceness"/>) with its arguments as a
/// list (nothing goes through a shell), without its banner and printing errors only: its error output becomes the
/// failure's reason.
/// </summary>
public sealed class FfmpegMediaTools(IOptions<MediaProcessingOptions> options) : IMediaTools
{
    /// <summary>ffmpeg's words for a source without the stream asked for (no picture, no sound): trying again cannot help.</summary>
    private const string NoSuchStream = "matches no streams";

    public async Task MakePosterAsync(string source, TimeSpan at, string posterPath, CancellationToken cancellationToken)
    {
        // thumbnail= picks the most typical of the next 30 frames, which passes over a black or a fading one.
        await RunAsync(
            [
                "-ss", Seconds(at), "-i", source,
                "-map", "0:v:0", "-vf", "thumbnail=30,scale='min(1280,iw)':-2", "-frames:v", "1", "-q:v", "3",
                "-f", "image2", "-y", posterPath,
            ],
            cancellationToken);
        // A seek past the end gives no frame and no error.
        EnsureWritten(posterPath, $"a poster at {Seconds(at)} s");
    }

    public async Task MakeWaveformAsync(string source, string posterPath, CancellationToken cancellationToken)
    {
        await RunAsync(
            [
                "-i", source,
                // The wave in the app's green on its page colour (a JPEG has no transparency).
                "-filter_complex",
                "[0:a:0]aformat=channel_layouts=mono,showwavespic=s=1280x360:colors=0x0f5132:scale=sqrt[wave];"
                + "color=c=0xf6f7f5:s=1280x360[page];[page][wave]overlay=shortest=1:format=auto,format=yuvj420p[picture]",
                "-map", "[picture]",
                "-frames:v", "1", "-q:v", "3", "-f", "image2", "-y", posterPath,
            ],
            cancellationToken);
        EnsureWritten(posterPath, "a waveform");
    }

    /// <summary>
    /// From this interval on, each still is taken by seeking to it (a key frame and the frames up to the still) rather
    /// than by decoding the whole video: for a class of an hour, a hundred short decodes instead of 108,000 frames.
    /// </summary>
    public static readonly TimeSpan SeekPerStillFrom = TimeSpan.FromSeconds(10);

    public async Task MakeSeekPreviewsAsync(string source, SeekPreviewGrid grid, string spritePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var tile = string.Create(CultureInfo.InvariantCulture, $"{SeekPreviewGrid.TileWidth}:{SeekPreviewGrid.TileHeight}");
        var still = $"scale={tile}:force_original_aspect_ratio=decrease,pad={tile}:(ow-iw)/2:(oh-ih)/2";
        // tpad= adds black frames after the last still, so tile= gets its grid full and writes it even when the stills
        // do not fill the last row.
        var mosaic = string.Create(CultureInfo.InvariantCulture, $"tpad=stop=-1:color=black,tile={SeekPreviewGrid.Columns}x{grid.Rows}");
        if (grid.Interval < SeekPerStillFrom)
        {
            // Every frame decoded, fps= keeping one each interval (eof_action=pass: the last one too, which fps= would
            // otherwise drop at the end of the video). (Key frames only, -skip_frame nokey, would be
            // cheaper but gives black stills where the key frames are further apart than the interval.)
            var every = Seconds(grid.Interval);
            await RunAsync(
                [
                    "-i", source, "-map", "0:v:0",
                    "-vf", $"fps=1/{every}:round=down:eof_action=pass,{still},{mosaic}", "-frames:v", "1", "-q:v", "5", "-f", "image2", "-y", spritePath,
                ],
                cancellationToken);
        }
        else
        {
            var stills = Directory.CreateDirectory(spritePath + ".stills");
            try
            {
                for (var i = 0; i < grid.Count; i++)
                {
                    var at = Seconds(grid.Interval * i);
                    await RunAsync(
                        [
                            "-ss", at, "-i", source, "-map", "0:v:0",
                            "-vf", still, "-frames:v", "1", "-q:v", "5", "-f", "image2", "-y",
                            Path.Combine(stills.FullName, string.Create(CultureInfo.InvariantCulture, $"{i:D3}.jpg")),
                        ],
                        cancellationToken);
                }

                // A still past the end (a recording shorter than it says) ends the numbered sequence; black fills the rest.
                await RunAsync(
                    [
                        "-framerate", "1", "-i", Path.Combine(stills.FullName, "%03d.jpg"),
                        "-vf", mosaic, "-frames:v", "1", "-q:v", "5", "-f", "image2", "-y", spritePath,
                    ],
                    cancellationToken);
            }
            finally
            {
                stills.Delete(recursive: true);
            }
        }

        EnsureWritten(spritePath, "seek previews");
    }

    public async Task MakeAacCopyAsync(string source, string copyPath, CancellationToken cancellationToken)
    {
        await RunAsync(
            [
                "-i", source,
                "-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", "-f", "mp4", "-y", copyPath,
            ],
            cancellationToken);
        EnsureWritten(copyPath, "an AAC copy");
    }

    public async Task ExtractSpeechAsync(string source, string speechPath, CancellationToken cancellationToken)
    {
        await RunAsync(
            ["-i", source, "-map", "0:a:0", "-vn", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-f", "wav", "-y", speechPath],
            cancellationToken);
        EnsureWritten(speechPath, "the speech for the transcriber");
    }

    /// <summary>
    /// Six-second segments (cut at the key frame at or after each mark, so a segment may run longer); the one file and
    /// its init section are named in the playlist by the file's name.
    /// </summary>
    public async Task MakeHlsAsync(string source, string mediaPath, string playlistPath, CancellationToken cancellationToken)
    {
        await RunAsync(
            [
                "-i", source,
                "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy",
                "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                "-hls_flags", "single_file", "-hls_segment_filename", mediaPath, "-y", playlistPath,
            ],
            cancellationToken);
        EnsureWritten(mediaPath, "HLS segments");
        EnsureWritten(playlistPath, "HLS playlist");
    }

    public async Task MakeLowBandwidthHlsAsync(string source, string mediaPath, string playlistPath, CancellationToken cancellationToken)
    {
        var video = LowBandwidthRendition.VideoKilobitsPerSecond.ToString(CultureInfo.InvariantCulture);
        await RunAsync(
            [
                "-i", source,
                "-map", "0:v:0", "-map", "0:a:0?",
                "-vf", $"scale=-2:{LowBandwidthRendition.Height}", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-b:v", video + "k", "-maxrate", Math.Round(LowBandwidthRendition.VideoKilobitsPerSecond * 1.2).ToString(CultureInfo.InvariantCulture) + "k",
                "-bufsize", (LowBandwidthRendition.VideoKilobitsPerSecond * 2).ToString(CultureInfo.InvariantCulture) + "k",
                "-force_key_frames", "expr:gte(t,n_forced*6)", "-threads", "1",
                "-c:a", "aac", "-b:a", LowBandwidthRendition.AudioKilobitsPerSecond.ToString(CultureInfo.InvariantCulture) + "k", "-ac", "2",
                "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                "-hls_flags", "single_file", "-hls_segment_filename", mediaPath, "-y", playlistPath,
            ],
            cancellationToken);
        EnsureWritten(mediaPath, "low-bandwidth HLS segments");
        EnsureWritten(playlistPath, "low-bandwidth HLS playlist");
    }

    /// <summary>
    /// ffmpeg's concat demuxer reads the parts from a list beside the output (quoted; a part may be a presigned URL,
    /// hence <c>-safe 0</c> and the network protocols allowed) and writes them one after the other by stream copy.
    /// </summary>
    public async Task JoinAsync(IReadOnlyList<string> sources, RecordingFormat format, string joinedPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = joinedPath + ".parts.txt";
        await File.WriteAllLinesAsync(list, sources.Select(source => $"file '{source.Replace("'", @"'\''", StringComparison.Ordinal)}'"), cancellationToken);
        try
        {
            await RunAsync(
                [
                    "-f", "concat", "-safe", "0", "-protocol_whitelist", "file,http,https,tcp,tls,crypto", "-i", list,
                    "-map", "0", "-c", "copy",
                    .. (format == RecordingFormat.Ogg ? (string[])["-f", "ogg"] : ["-movflags", "+faststart", "-f", "mp4"]),
                    "-y", joinedPath,
                ],
                cancellationToken);
        }
        finally
        {
            File.Delete(list);
        }

        EnsureWritten(joinedPath, "joined recording");
    }

    private static string Seconds(TimeSpan at) => at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static void EnsureWritten(string path, string what)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            throw new MediaToolException($"ffmpeg wrote no {what}.");
        }
    }

    private async Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await NicedProgram.RunAsync(
            "ffmpeg",
            settings.FfmpegPath,
            ["-nostdin", "-hide_banner", "-loglevel", "error", .. arguments],
            settings.Niceness,
            reason => reason.Contains(NoSuchStream, StringComparison.Ordinal),
            cancellationToken);
    }
}
