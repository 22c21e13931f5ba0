using System.Linq.Expressions;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings;

/// <summary>
/// Who may see one recording: another academy's recording does not exist for the user, nor does a deleted one for
/// anyone but the academy's admins; for the rest the session decides (its teacher, its students, the admins).
/// </summary>
public static class VisibleRecording
{
    /// <summary>The whole recording, when the actor may see it.</summary>
    public static Task<Result<Domain.Recordings.Recording>> FindAsync(
        IApplicationDbContext db, ISessionFinder sessions, Guid recordingId, Actor actor, CancellationToken cancellationToken) =>
        FindAsync(db, sessions, recordingId, actor, r => new Seen<Domain.Recordings.Recording>(r.Status, r.SessionId, r), cancellationToken);

    /// <summary>
    /// Only the <paramref name="columns"/> a caller needs of the recording (with the two the rule reads beside them),
    /// when the actor may see it.
    /// </summary>
    public static async Task<Result<T>> FindAsync<T>(
        IApplicationDbContext db,
        ISessionFinder sessions,
        Guid recordingId,
        Actor actor,
        Expression<Func<Domain.Recordings.Recording, Seen<T>>> columns,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(actor);
        var recording = await db.Recordings.AsNoTracking()
            .Where(r => r.Id == recordingId && r.AcademyId == actor.AcademyId)
            .Select(columns)
            .SingleOrDefaultAsync(cancellationToken);
        if (recording is null
            || (recording.Status == RecordingStatus.Deleted && !actor.IsAdminOf(actor.AcademyId)))
        {
            return RecordingErrors.RecordingNotFound;
        }

        var session = await sessions.FindAsync(recording.SessionId, cancellationToken);
        if (session is null || !session.CanAccessRecordings(actor))
        {
            return RecordingErrors.CannotAccess;
        }

        return recording.Value;
    }

    /// <summary>What the rule reads of a recording (its status and session), and what the caller asked for.</summary>
    public sealed record Seen<T>(RecordingStatus Status, Guid SessionId, T Value);
}
