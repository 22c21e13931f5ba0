using Itqan.Recording.Application.Recordings;
using Itqan.Recording.Domain.Sessions;

namespace Itqan.Recording.Application.Sessions;

/// <summary>A session in a list, with its recording state.</summary>
public sealed record SessionSummaryResponse(
    Guid Id,
    string Kind,
    string Title,
    DateTimeOffset ScheduledAt,
    string Status,
    bool RecordingEnabled,
    bool IsRecording,
    int RecordingCount,
    string? LatestRecordingStatus)
{
    public static SessionSummaryResponse From(LiveSession session, SessionRecordingState state)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(state);
        return new SessionSummaryResponse(
            session.Id,
            session.KindFolder,
            session.Title,
            session.ScheduledAt,
            session.Status.ToString().ToLowerInvariant(),
            session.IsRecordingEnabled,
            state.IsRecording,
            state.RecordingCount,
            state.LatestStatus?.ToString().ToLowerInvariant());
    }
}

public sealed record SessionPermissionsResponse(bool CanControlRecording, bool CanAccessRecordings);

/// <summary>One session with everything the recording panel needs.</summary>
public sealed record SessionDetailResponse(
    Guid Id,
    string Kind,
    string Title,
    DateTimeOffset ScheduledAt,
    string Status,
    bool RecordingEnabled,
    bool CanBeRecorded,
    string? CannotRecordReason,
    bool IsRecording,
    int RecordingCount,
    RecordingResponse? ActiveRecording,
    SessionPermissionsResponse Permissions);
