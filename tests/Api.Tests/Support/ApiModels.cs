using System.Text.Json;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>The JSON shapes the tests read back, as a client would.</summary>
public sealed record RecordingFileJson(string Name, long SizeBytes, string Format);

public sealed record RecordingJson(
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
    RecordingFileJson? File,
    string? FormattedFileSize,
    string DisplayName,
    string? Error,
    Dictionary<string, JsonElement> Metadata,
    string? StreamUrl,
    string? DownloadUrl,
    DateTimeOffset? LinksExpireAt,
    string? PosterState,
    string? PosterUrl,
    string? AacState,
    string? AacUrl,
    string? PreviewsState,
    string? PreviewsUrl,
    string? HlsState,
    string? HlsUrl,
    IReadOnlyList<RecordingPartJson>? Parts = null,
    string? JoinState = null,
    string? Publication = null,
    DateTimeOffset? DeletedAt = null,
    DateTimeOffset? FilesRemovedAt = null,
    string? ProgressUrl = null);

public sealed record RecordingPartJson(int Number, double DurationSeconds, long SizeBytes, string? StreamUrl, string? DownloadUrl);

public sealed record ProblemJson(string? Type, string? Title, int Status, string? Detail, string? Code);
