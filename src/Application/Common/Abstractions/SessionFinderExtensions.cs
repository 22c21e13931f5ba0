using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;

namespace ItqanRecording.Application.Common.Abstractions;

public static class SessionFinderExtensions
{
    /// <summary>The session when it belongs to the actor's academy; another academy's session does not exist for them.</summary>
    public static async Task<IRecordingCapable?> FindInAcademyAsync(
        this ISessionFinder finder, Guid sessionId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finder);
        ArgumentNullException.ThrowIfNull(actor);
        var session = await finder.FindAsync(sessionId, cancellationToken);
        return session?.AcademyId == actor.AcademyId ? session : null;
    }
}
