using Itqan.Recording.Domain.Recordings;

namespace Itqan.Recording.Application.Recordings;

public sealed record RecordingFileResponse(string Name, long SizeBytes, string Format);

/// <summary>
/// A recording as the API shows it. <see cref="StreamUrl"/> and <see cref="DownloadUrl"/> are signed links to the
/// file of a completed recording for the user it is shown to, valid until <see cref="LinksExpireAt"/>; null
/// otherwise.
/// </summary>
public sealed record RecordingResponse(
    Guid Id,
    Guid SessionId,
    string SessionKind,
    string EgressId,
    string RoomName,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? CompletedAt,
    double? DurationSeconds,
    string? FormattedDuration,
    RecordingFileResponse? File,
    string? FormattedFileSize,
    string DisplayName,
    string? Error,
    IReadOnlyDictionary<string, object?> Metadata,
    string? StreamUrl,
    string? DownloadUrl,
    DateTimeOffset? LinksExpireAt)
{
    /// <summary>The recording without links to its file; <see cref="RecordingResponseFactory"/> shows it to a user.</summary>
    public static RecordingResponse From(Domain.Recordings.Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return new RecordingResponse(
            recording.Id,
            recording.SessionId,
            recording.SessionKind.ToString().ToLowerInvariant(),
            recording.EgressId,
            recording.RoomName,
            recording.Status.ToString().ToLowerInvariant(),
            recording.StartedAt,
            recording.EndedAt,
            recording.CompletedAt,
            recording.Duration?.TotalSeconds,
            recording.FormattedDuration,
            recording.File is { } file
                ? new RecordingFileResponse(file.Name, file.SizeBytes, file.Format.FileExtension())
                : null,
            recording.FormattedFileSize,
            recording.DisplayName,
            recording.ProcessingError,
            recording.Metadata,
            StreamUrl: null,
            DownloadUrl: null,
            LinksExpireAt: null);
    }
}
