using System.Linq.Expressions;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Recordings;

/// <summary>
/// Who may see one recording: another academy's recording does not exist for the user, nor does a deleted one for
/// anyone but the academy's admins, nor an unpublished one (awaiting review, hidden) for anyone but its session's
/// teacher and the admins; for the rest the session decides (its teacher, its students, the admins).
/// </summary>
public static class VisibleRecording
{
    /// <summary><see cref="RecordingRow.Columns"/> with what the rule reads beside them, as one projection.</summary>
    private static readonly Expression<Func<Domain.Recordings.Recording, Seen<RecordingRow>>> RowColumns =
        Expression.Lambda<Func<Domain.Recordings.Recording, Seen<RecordingRow>>>(
            Expression.New(
                typeof(Seen<RecordingRow>).GetConstructors().Single(),
                Expression.Property(RecordingRow.Columns.Parameters[0], nameof(Domain.Recordings.Recording.Status)),
                Expression.Property(RecordingRow.Columns.Parameters[0], nameof(Domain.Recordings.Recording.SessionId)),
                Expression.Property(RecordingRow.Columns.Parameters[0], nameof(Domain.Recordings.Recording.Publication)),
                RecordingRow.Columns.Body),
            RecordingRow.Columns.Parameters);

    /// <summary>The recording's shown columns (<see cref="RecordingRow"/>), when the actor may see it.</summary>
    public static Task<Result<RecordingRow>> FindAsync(
        IApplicationDbContext db, ISessionFinder sessions, Guid recordingId, Actor actor, CancellationToken cancellationToken) =>
        FindAsync(db, sessions, recordingId, actor, RowColumns, cancellationToken);

    /// <summary>
    /// Only the <paramref name="columns"/> a caller needs of the recording (with those the rule reads beside them),
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

        if (recording.Publication != RecordingPublication.Published && !session.CanControlRecording(actor))
        {
            return RecordingErrors.RecordingNotFound;
        }

        return recording.Value;
    }

    /// <summary>What the rule reads of a recording (its status, session and publication), and what the caller asked for.</summary>
    public sealed record Seen<T>(RecordingStatus Status, Guid SessionId, RecordingPublication Publication, T Value);
}
