namespace ItqanRecording.Domain.Recordings.Media;

/// <summary>Where the files made from a recording lie: beside its file, in the same storage, named after it.</summary>
public static class MediaOutputs
{
    public const string JpegContentType = "image/jpeg";

    public const string AacCopyContentType = "audio/mp4";

    public const string HlsMediaContentType = "video/mp4";

    public const string HlsPlaylistContentType = "application/vnd.apple.mpegurl";

    /// <summary>
    /// The one file of a recording in parts, made from the parts beside the first (at <paramref name="firstPartPath"/>):
    /// <c>….mp4</c> is joined into <c>….joined.mp4</c>.
    /// </summary>
    public static string JoinedOf(string firstPartPath) =>
        Path.ChangeExtension(firstPartPath, ".joined" + Path.GetExtension(firstPartPath));

    /// <summary>The poster of the file at <paramref name="filePath"/> (a path below the storage root).</summary>
    public static string PosterOf(string filePath) => filePath + ".poster.jpg";

    /// <summary>The AAC copy of the audio file at <paramref name="filePath"/>.</summary>
    public static string AacCopyOf(string filePath) => filePath + ".m4a";

    /// <summary>The seek previews' sprite of the video at <paramref name="filePath"/>.</summary>
    public static string SeekPreviewsOf(string filePath) => filePath + ".previews.jpg";

    /// <summary>The fragmented MP4 of the HLS segments of <paramref name="variant"/> of the video at <paramref name="filePath"/>.</summary>
    public static string HlsMediaOf(string filePath, HlsVariant variant = HlsVariant.Source) => HlsStemOf(filePath, variant) + ".m4s";

    /// <summary>
    /// The HLS media playlist of <paramref name="variant"/> of the video at <paramref name="filePath"/>; saved after its
    /// segments' file, so it names a whole file.
    /// </summary>
    public static string HlsPlaylistOf(string filePath, HlsVariant variant = HlsVariant.Source) => HlsStemOf(filePath, variant) + ".m3u8";

    private static string HlsStemOf(string filePath, HlsVariant variant) => filePath + (variant == HlsVariant.Source ? ".hls" : ".hls-360p");

    /// <summary>
    /// Where <paramref name="task"/>'s output of the file at <paramref name="filePath"/> lies (a Join makes the file
    /// itself and a transcript is a row, so they have none).
    /// </summary>
    public static string PathOf(MediaTask task, string filePath) => task switch
    {
        MediaTask.Poster => PosterOf(filePath),
        MediaTask.AacCopy => AacCopyOf(filePath),
        MediaTask.SeekPreviews => SeekPreviewsOf(filePath),
        MediaTask.Hls => HlsMediaOf(filePath),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Not a media task."),
    };

    /// <summary>The media type of <paramref name="task"/>'s output.</summary>
    public static string ContentTypeOf(MediaTask task) => task switch
    {
        MediaTask.AacCopy => AacCopyContentType,
        MediaTask.Hls => HlsMediaContentType,
        _ => JpegContentType,
    };

    /// <summary>The tasks that put a file beside the recording's (a Join makes the file itself, a transcript is a row).</summary>
    private static readonly MediaTask[] FileMakingTasks = [MediaTask.Poster, MediaTask.AacCopy, MediaTask.SeekPreviews, MediaTask.Hls];

    /// <summary>Every file made from the file at <paramref name="filePath"/>, to remove with it.</summary>
    public static IReadOnlyList<string> AllOf(string filePath) =>
        [
            .. FileMakingTasks.Select(task => PathOf(task, filePath)),
            HlsPlaylistOf(filePath),
            HlsMediaOf(filePath, HlsVariant.Low),
            HlsPlaylistOf(filePath, HlsVariant.Low),
        ];
}
