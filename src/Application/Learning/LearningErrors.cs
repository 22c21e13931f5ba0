using System.Globalization;
using ItqanRecording.Application.Common.Results;

namespace ItqanRecording.Application.Learning;

public static class LearningErrors
{
    public static readonly Error ChaptersForbidden =
        Error.Forbidden("learning.chapters_forbidden", "Only the session's teacher or an academy admin adds or changes its recording's chapters.");

    public static readonly Error TranscriptNotFound =
        Error.NotFound("learning.transcript_not_found", "The recording has no transcript in that language.");

    public static readonly Error NoTranscriber =
        Error.Conflict("learning.no_transcriber", "No automatic transcriber is configured here (Transcription__Command); upload a WebVTT transcript instead.");

    public static readonly Error MarkNotFound = Error.NotFound("learning.mark_not_found", "The recording has no such mark of yours.");

    public static Error MarkPastTheEnd(TimeSpan duration) =>
        new(
            "learning.mark_past_the_end",
            string.Create(CultureInfo.InvariantCulture, $"The recording is {duration.TotalSeconds:0.###} seconds long; a mark cannot lie past its end."),
            ErrorType.Validation);

    public static readonly Error AttendanceForbidden =
        Error.Forbidden("learning.attendance_forbidden", "Only the session's teacher or an academy admin sees who attended it.");

    public static Error PastTheEnd(TimeSpan duration) =>
        new(
            "progress.past_the_end",
            string.Create(CultureInfo.InvariantCulture, $"The recording is {duration.TotalSeconds:0.###} seconds long; a heartbeat cannot go past its end."),
            ErrorType.Validation);
}
