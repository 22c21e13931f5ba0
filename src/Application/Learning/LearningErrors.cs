using System.Globalization;
using ItqanRecording.Application.Common.Results;

namespace ItqanRecording.Application.Learning;

public static class LearningErrors
{
    public static readonly Error AttendanceForbidden =
        Error.Forbidden("learning.attendance_forbidden", "Only the session's teacher or an academy admin sees who attended it.");

    public static Error PastTheEnd(TimeSpan duration) =>
        new(
            "progress.past_the_end",
            string.Create(CultureInfo.InvariantCulture, $"The recording is {duration.TotalSeconds:0.###} seconds long; a heartbeat cannot go past its end."),
            ErrorType.Validation);
}
