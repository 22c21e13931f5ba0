using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Application.Common;

namespace ItqanRecording.Application.Recordings;

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

    public static readonly Error NotSaved = new(
        "recording.not_saved",
        "The recording could not be saved, so LiveKit's egress was stopped again. Nothing is being recorded; try again.",
        ErrorType.UpstreamUnavailable);

    public static readonly Error NoActiveRecording =
        Error.Conflict("recording.not_active", "The session is not being recorded.");

    public static readonly Error FileMissing =
        Error.NotFound("recording.file_missing", "The recording file is missing from storage.");

    public static readonly Error PartsNotJoined =
        Error.Conflict(
            "recording.parts_not_joined",
            "The recording was made in parts, which are still being joined into one file: play or download the parts (see its parts and joinState).");

    public static readonly Error PartNotFound =
        Error.NotFound("recording.part_not_found", "The recording has no part with that number: see its parts.");

    public static readonly Error AacCopyMissing =
        Error.NotFound("recording.aac_missing", "The recording has no AAC copy (yet): see its aacState.");

    public static readonly Error PreviewsMissing =
        Error.NotFound("recording.previews_missing", "The recording has no seek previews (yet): see its previewsState.");

    public static readonly Error HlsMissing =
        Error.NotFound("recording.hls_missing", "The recording has no HLS packaging (yet): see its hlsState.");

    public static readonly Error PosterMissing =
        Error.NotFound("recording.poster_missing", "The recording has no poster yet: see its posterState.");

    public static readonly Error SignInOrLinkRequired = new(
        "recording.sign_in_required", "Sign in, or use the signed link from the recording, to fetch its file.", ErrorType.Unauthorized);

    public static readonly Error LinkExpired = new(
        "recording.link_expired", "The link has expired; open the recording again for a new one.", ErrorType.Unauthorized);

    public static readonly Error LinkInvalid =
        Error.Forbidden("recording.link_invalid", "The link is not valid for this recording and action.");

    /// <summary>Only a completed recording has a file to stream or download.</summary>
    public static Error FileNotReady(RecordingStatus status) =>
        Error.Conflict(
            "recording.file_not_ready",
            $"Only a completed recording has a file; this one is {WireNames.Of(status)}.");

    /// <summary>A move the recording's state machine refuses, in its own words.</summary>
    public static Error Refused(RecordingTransitionRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Error.Conflict(refusal.Code, refusal.Message);
    }

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

    /// <summary>
    /// A Start LiveKit did not answer in time may still have started an egress (now, or when the request reaches it
    /// late): the Start's intent has reconciliation stop it.
    /// </summary>
    public static readonly Error StartTimedOut = new(
        "livekit.timeout",
        "LiveKit did not answer in time. If it started recording anyway, that recording will be stopped within a few minutes; try again.",
        ErrorType.UpstreamTimeout);

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
