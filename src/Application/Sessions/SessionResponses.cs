using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;

namespace ItqanRecording.Application.Sessions;

/// <summary>A session in a list, with its recording state.</summary>
public sealed record SessionSummaryResponse(
    Guid Id,
    SessionKind Kind,
    string Title,
    DateTimeOffset ScheduledAt,
    SessionStatus Status,
    bool RecordingEnabled,
    bool IsRecording,
    int RecordingCount,
    RecordingStatus? LatestRecordingStatus)
{
    public static SessionSummaryResponse From(IRecordingCapable session, SessionRecordingState state)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(state);
        return new SessionSummaryResponse(
            session.Id,
            session.Kind,
            session.Title,
            session.ScheduledAt,
            session.Status,
            session.IsRecordingEnabled,
            state.IsRecording,
            state.RecordingCount,
            state.LatestStatus);
    }
}

public sealed record SessionPermissionsResponse(bool CanControlRecording, bool CanAccessRecordings);

/// <summary>
/// One session with everything the recording panel needs; <see cref="RecordingAvailability"/> is what the panel
/// shows.
/// </summary>
public sealed record SessionDetailResponse(
    Guid Id,
    SessionKind Kind,
    string Title,
    DateTimeOffset ScheduledAt,
    SessionStatus Status,
    bool RecordingEnabled,
    bool CanBeRecorded,
    RecordingBlocker? CannotRecordReason,
    bool IsRecording,
    int RecordingCount,
    RecordingAvailability RecordingAvailability,
    RecordingResponse? ActiveRecording,
    SessionPermissionsResponse Permissions);
