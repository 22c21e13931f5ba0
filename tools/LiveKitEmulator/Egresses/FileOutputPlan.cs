using ItqanRecording.LiveKitEmulator.Media;
using ItqanRecording.LiveKitEmulator.Uploads;

namespace ItqanRecording.LiveKitEmulator.Egresses;

/// <param name="RequestedFilepath">The <c>filepath</c> exactly as the request gave it.</param>
/// <param name="Filename">
/// The egress-side path, or with an upload the object key, after template expansion and extension fixing
/// (<c>FileInfo.filename</c>).
/// </param>
/// <param name="LocalPath">Where the emulator really writes the file (under <c>OutputRoot</c>; with an upload, a staging copy).</param>
/// <param name="FilenameKnownAtStart">False for <c>DEFAULT_FILETYPE</c>: LiveKit reports the name only once the pipeline runs.</param>
/// <param name="ManifestFilename">Egress-side path of the <c>&lt;egressId&gt;.json</c> manifest; null when disabled.</param>
/// <param name="ManifestLocalPath">Where the emulator writes that manifest; null when disabled.</param>
/// <param name="Upload">The request's <c>S3Upload</c>: the file and manifest are uploaded there; null for local output.</param>
public sealed record FileOutputPlan(
    string RequestedFilepath,
    string Filename,
    string LocalPath,
    bool FilenameKnownAtStart,
    string? ManifestFilename,
    string? ManifestLocalPath,
    MediaSpec Media,
    S3UploadTarget? Upload = null);

/// <summary>What LiveKit reports about the file in <c>FileInfo</c>; times are null until known.</summary>
public sealed record FileResult(
    string Filename,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    long Size = 0,
    string Location = "",
    TimeSpan Duration = default);
