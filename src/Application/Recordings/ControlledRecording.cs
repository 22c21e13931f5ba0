using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings;

/// <summary>
/// A recording, tracked to be changed, when the actor controls its session (its teacher, the admins). Otherwise why
/// not: outside the class 403 <c>recording.access_forbidden</c>; a student 403 <c>recording.control_forbidden</c>, or
/// 404 for a recording they are not shown (awaiting review, hidden); another academy's 404.
/// </summary>
public static class ControlledRecording
{
    public static async Task<Result<Domain.Recordings.Recording>> FindAsync(
        IApplicationDbContext db, ISessionFinder sessions, Guid recordingId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(actor);
        var recording = await db.Recordings.SingleOrDefaultAsync(r => r.Id == recordingId && r.AcademyId == actor.AcademyId, cancellationToken);
        if (recording is null)
        {
            return RecordingErrors.RecordingNotFound;
        }

        var session = await sessions.FindAsync(recording.SessionId, cancellationToken);
        if (session?.CanControlRecording(actor) == true)
        {
            return recording;
        }

        if (session?.CanAccessRecordings(actor) != true)
        {
            return RecordingErrors.CannotAccess;
        }

        return recording.Publication == RecordingPublication.Published ? RecordingErrors.CannotControl : RecordingErrors.RecordingNotFound;
    }
}
