using System.Globalization;
using ItqanRecording.LiveKitEmulator.Media;
using ItqanRecording.LiveKitEmulator.Protocol;
using ItqanRecording.LiveKitEmulator.Twirp;
using ItqanRecording.LiveKitEmulator.Uploads;
using Microsoft.Extensions.Options;

namespace ItqanRecording.LiveKitEmulator.Egresses;

/// <summary>
/// Resolves a request's <c>EncodedFileOutput</c> like livekit/egress (<c>pkg/config/output_file.go</c>): clean the
/// path, expand <c>{room_name}</c>, <c>{room_id}</c>, <c>{time}</c>, <c>{utc}</c>, generate a name for an empty
/// path or a directory, fix the extension; then maps the egress-side path onto <c>OutputRoot</c>. With an
/// <c>S3Upload</c> the resolved path is the object key instead, and the file is made in a staging folder first.
/// </summary>
public sealed class FileOutputPlanner(IOptions<EmulatorOptions> options, TimeProvider time)
{
    private const int Mp4 = 1;
    private const int Ogg = 2;
    private const int Mp3 = 3;

    private static readonly HashSet<string> KnownExtensions =
        new([".mp4", ".ogg", ".mp3", ".ivf", ".ts", ".webm", ".m3u8", ".h264"], StringComparer.Ordinal);

    public Result<FileOutputPlan> Plan(ProtoMessage request, ProtoMessage fileOutput, Room room, string egressId)
    {
        var settings = options.Value;
        var requestedType = fileOutput.GetInt32("file_type");
        var audioOnly = request.GetBool("audio_only");
        var media = (requestedType == 0 ? (audioOnly ? Ogg : Mp4) : requestedType) switch
        {
            Ogg => new MediaSpec(MediaContainer.Ogg, Audio: true, Video: false),
            Mp3 => new MediaSpec(MediaContainer.Mp3, Audio: true, Video: false),
            _ => new MediaSpec(MediaContainer.Mp4, Audio: !request.GetBool("video_only"), Video: !audioOnly),
        };

        var requested = fileOutput.GetString("filepath");
        var filename = WithExtension(Expand(Clean(requested), room), media.Extension, room);
        var manifest = fileOutput.GetBool("disable_manifest") ? null : $"{egressId}.json";
        if (fileOutput.GetMessage("s3") is { } s3)
        {
            return PlanUpload(S3UploadTarget.From(s3), requested, filename, manifest, requestedType != 0, media, egressId);
        }

        if (settings.OutputRoot.Length == 0)
        {
            return TwirpError.Internal("emulator: Emulator:OutputRoot is not configured, so no file output can be written");
        }

        var egressPath = filename.StartsWith('/') ? filename : "/" + filename;
        var prefix = settings.OutputPrefix.TrimEnd('/');
        var directory = egressPath[..(egressPath.LastIndexOf('/') + 1)];
        if (!egressPath.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return TwirpError.Internal(
                $"mkdir {directory.TrimEnd('/')}: permission denied (emulator: file paths must lie under {settings.OutputPrefix})");
        }

        var root = Path.GetFullPath(settings.OutputRoot);
        var localPath = Path.Combine(root, egressPath[(prefix.Length + 1)..]);
        return new FileOutputPlan(
            requested,
            filename,
            localPath,
            FilenameKnownAtStart: requestedType != 0,
            manifest is null ? null : directory + manifest,
            manifest is null ? null : Path.Combine(Path.GetDirectoryName(localPath)!, manifest),
            media);
    }

    private static Result<FileOutputPlan> PlanUpload(
        S3UploadTarget upload, string requested, string key, string? manifest, bool filenameKnownAtStart, MediaSpec media, string egressId)
    {
        if (upload.Problem() is { } problem)
        {
            return TwirpError.InvalidArgument(problem);
        }

        var staging = Path.Combine(Path.GetTempPath(), "livekit-emulator-uploads", egressId);
        var directory = key.Contains('/', StringComparison.Ordinal) ? key[..(key.LastIndexOf('/') + 1)] : "";
        return new FileOutputPlan(
            requested,
            key,
            Path.Combine(staging, Path.GetFileName(key)),
            filenameKnownAtStart,
            manifest is null ? null : directory + manifest,
            manifest is null ? null : Path.Combine(staging, manifest),
            media,
            upload);
    }

    /// <summary>Go's <c>path.Clean</c>, then leading <c>../</c> removed; a trailing slash is kept.</summary>
    private static string Clean(string filepath)
    {
        if (filepath.Length == 0)
        {
            return "";
        }

        var rooted = filepath.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in filepath.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment != "..")
            {
                segments.Add(segment);
            }
            else if (segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (!rooted)
            {
                segments.Add(segment);
            }
        }

        var cleaned = string.Join('/', segments.SkipWhile(s => s == ".."));
        if (rooted)
        {
            cleaned = "/" + cleaned;
        }

        return filepath.EndsWith('/') && !cleaned.EndsWith('/') ? cleaned + "/" : cleaned;
    }

    private string Expand(string filepath, Room room)
    {
        var now = time.GetLocalNow();
        return filepath
            .Replace("{room_name}", room.Name, StringComparison.Ordinal)
            .Replace("{room_id}", room.Sid, StringComparison.Ordinal)
            .Replace("{time}", FormatTime(now), StringComparison.Ordinal)
            .Replace("{utc}", now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private string WithExtension(string filepath, string extension, Room room)
    {
        if (filepath.Length == 0 || filepath.EndsWith('/'))
        {
            return $"{filepath}{room.Name}-{FormatTime(time.GetLocalNow())}{extension}";
        }

        if (filepath.EndsWith(extension, StringComparison.Ordinal))
        {
            return filepath;
        }

        var dot = filepath.LastIndexOf('.');
        var withoutKnownExtension = dot > -1 && KnownExtensions.Contains(filepath[dot..]) ? filepath[..dot] : filepath;
        return withoutKnownExtension + extension;
    }

    private static string FormatTime(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HHmmss", CultureInfo.InvariantCulture);
}
