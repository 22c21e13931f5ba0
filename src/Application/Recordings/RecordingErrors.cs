using Itqan.Recording.Application.Common.Egress;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Sessions;

namespace Itqan.Recording.Application.Recordings;

/// <summary>The expected failures of the recording use cases, in one place.</summary>
public static class RecordingErrors
{
    public static readonly Error SessionNotFound =
        Error.NotFound("session.not_found", "The session does not exist.");

    public static readonly Error RecordingNotFound =
        Error.NotFound("recording.not_found", "The recording does not exist.");

    public static readonly Error CannotControl =
        Error.Forbidden("recording.control_forbidden", "Only the session's teacher or an academy admin can start or stop its recording.");

    public static readonly Error CannotAccess =
        Error.Forbidden("recording.access_forbidden", "You may not see this session's recordings.");

    public static readonly Error NoActiveRecording =
        Error.Conflict("recording.not_active", "The session is not being recorded.");

    public static Error NotRecordable(RecordingBlocker blocker) => blocker switch
    {
        RecordingBlocker.AlreadyRecording =>
            Error.Conflict("recording.already_active", "The session is already being recorded."),
        RecordingBlocker.RecordingDisabled =>
            Error.Unprocessable("recording.disabled", "Recording is turned off for this session."),
        RecordingBlocker.NoMeetingRoom =>
            Error.Unprocessable("recording.no_meeting_room", "The session has no meeting room yet."),
        RecordingBlocker.SessionNotReady =>
            Error.Unprocessable("recording.session_not_ready", "The session is not ready or ongoing, so it cannot be recorded."),
        _ => throw new ArgumentOutOfRangeException(nameof(blocker), blocker, null),
    };

    public static Error LiveKitFailed(EgressException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Failure switch
        {
            EgressFailure.Timeout => new Error(
                "livekit.timeout", "LiveKit did not answer in time. Nothing was changed; try again.", ErrorType.UpstreamTimeout),
            EgressFailure.Unavailable => new Error(
                "livekit.unavailable", "LiveKit is not available right now. Nothing was changed; try again later.", ErrorType.UpstreamUnavailable),
            _ => new Error(
                "livekit.rejected", $"LiveKit refused the request: {exception.Message}", ErrorType.UpstreamRejected),
        };
    }
}
