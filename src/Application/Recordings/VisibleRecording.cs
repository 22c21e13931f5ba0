using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Recordings;
using Itqan.Recording.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Recordings;

/// <summary>
/// Who may see one recording: another academy's recording does not exist for the user, nor does a deleted one for
/// anyone but the academy's admins; for the rest the session decides (its teacher, its students, the admins).
/// </summary>
public static class VisibleRecording
{
    public static async Task<Result<Domain.Recordings.Recording>> FindAsync(
        IApplicationDbContext db, ISessionFinder sessions, Guid recordingId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(actor);
        var recording = await db.Recordings.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == recordingId && r.AcademyId == actor.AcademyId, cancellationToken);
        if (recording is null
            || (recording.Status == RecordingStatus.Deleted && !actor.IsAdminOf(recording.AcademyId)))
        {
            return RecordingErrors.RecordingNotFound;
        }

        var session = await sessions.FindAsync(recording.SessionId, cancellationToken);
        if (session is null || !session.CanAccessRecordings(actor))
        {
            return RecordingErrors.CannotAccess;
        }

        return recording;
    }
}
