using ItqanRecording.Api.Tests.Recordings;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Catalogue;

public sealed record RecordingPageJson(List<RecordingJson> Items, string? NextCursor);

public sealed record KindCountsJson(int Interactive, int Quran, int Academic);

public sealed record CatalogueStatisticsJson(int Total, StatusCountsJson ByStatus, KindCountsJson ByKind, long TotalBytes, double TotalDurationSeconds);

public sealed record AuditEntryJson(DateTimeOffset At, string Action, Guid? UserId, string? UserName, string? Details);

public sealed record ValidationProblemJson(int Status, Dictionary<string, string[]> Errors);
