using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Recordings.Media;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>The media programs (Debian's ffmpeg) that make files from a recording's file.</summary>
public interface IMediaTools
{
    /// <summary>
    /// Writes a JPEG still of the video near <paramref name="at"/> (a frame that shows something, not a black one),
    /// at most 1280 pixels wide, to <paramref name="posterPath"/>. <paramref name="source"/> is a local path or an
    /// http(s) URL. Throws <see cref="MediaToolException"/> when it cannot.
    /// </summary>
    Task MakePosterAsync(string source, TimeSpan at, string posterPath, CancellationToken cancellationToken);

    /// <summary>Writes the waveform of the audio as a JPEG, 1280 × 360, to <paramref name="posterPath"/>.</summary>
    Task MakeWaveformAsync(string source, string posterPath, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the seek previews' sprite of the video (<paramref name="grid"/>: a still every interval, tiled) as a
    /// JPEG to <paramref name="spritePath"/>.
    /// </summary>
    Task MakeSeekPreviewsAsync(string source, SeekPreviewGrid grid, string spritePath, CancellationToken cancellationToken);

    /// <summary>Writes the audio as AAC in an MP4 container (.m4a, faststart) to <paramref name="copyPath"/>.</summary>
    Task MakeAacCopyAsync(string source, string copyPath, CancellationToken cancellationToken);

    /// <summary>
    /// Packages the video for HLS by stream copy (nothing encoded again): its segments, about six seconds each and cut
    /// at key frames, as fragmented MP4 in one file at <paramref name="mediaPath"/>, and the VOD media playlist that
    /// names them as byte ranges of that file at <paramref name="playlistPath"/> (the file by its name alone).
    /// </summary>
    Task MakeHlsAsync(string source, string mediaPath, string playlistPath, CancellationToken cancellationToken);

    /// <summary>
    /// Encodes the low-bandwidth rendition (<see cref="LowBandwidthRendition"/>) and packages it for HLS as
    /// <see cref="MakeHlsAsync"/> does, key frames every 6 s so its segments line up with the time.
    /// </summary>
    Task MakeLowBandwidthHlsAsync(string source, string mediaPath, string playlistPath, CancellationToken cancellationToken);

    /// <summary>
    /// Joins the parts of a recording (<paramref name="sources"/>, in order, all of <paramref name="format"/> as one
    /// egress configuration writes them) into one file at <paramref name="joinedPath"/> by stream copy: one after the
    /// other on one timeline, nothing encoded again.
    /// </summary>
    Task JoinAsync(IReadOnlyList<string> sources, RecordingFormat format, string joinedPath, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the recording's sound as speech recognisers take it: one channel, 16 kHz, 16-bit PCM in a WAV file at
    /// <paramref name="speechPath"/>.
    /// </summary>
    Task ExtractSpeechAsync(string source, string speechPath, CancellationToken cancellationToken);
}

/// <summary>A media program failed; <see cref="IsFinal"/> when trying again cannot help (the file has no picture).</summary>
public sealed class MediaToolException(string message, bool isFinal = false) : Exception(message)
{
    public bool IsFinal { get; } = isFinal;
}
