using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;

namespace ItqanRecording.Application.Recordings;

/// <summary>
/// The session a request names, as its user may reach it: another academy's session does not exist for them (404),
/// and one they take no part in is forbidden (403).
/// </summary>
public static class SessionAccess
{
    /// <summary>The session, when the actor may start and stop its recordings.</summary>
    public static Task<Result<IRecordingCapable>> FindControllableAsync(
        this ISessionFinder finder, Guid sessionId, Actor actor, CancellationToken cancellationToken) =>
        FindAsync(finder, sessionId, actor, s => s.CanControlRecording(actor), RecordingErrors.CannotControl, cancellationToken);

    /// <summary>The session, when the actor may see its recordings.</summary>
    public static Task<Result<IRecordingCapable>> FindAccessibleAsync(
        this ISessionFinder finder, Guid sessionId, Actor actor, CancellationToken cancellationToken) =>
        FindAsync(finder, sessionId, actor, s => s.CanAccessRecordings(actor), RecordingErrors.CannotAccess, cancellationToken);

    private static async Task<Result<IRecordingCapable>> FindAsync(
        ISessionFinder finder, Guid sessionId, Actor actor, Func<IRecordingCapable, bool> allowed, Error forbidden, CancellationToken cancellationToken)
    {
        var session = await finder.FindInAcademyAsync(sessionId, actor, cancellationToken);
        if (session is null)
        {
            return RecordingErrors.SessionNotFound;
        }

        return allowed(session) ? Result.Of(session) : forbidden;
    }
}
