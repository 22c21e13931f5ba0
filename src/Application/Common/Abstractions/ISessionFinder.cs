using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>Loads a session of any kind with everything its recording rules need.</summary>
public interface ISessionFinder
{
    Task<IRecordingCapable?> FindAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>The session whose LiveKit room this is, or null when the room is no session's.</summary>
    Task<IRecordingCapable?> FindByRoomAsync(string roomName, CancellationToken cancellationToken);

    /// <summary>
    /// Sessions of the actor's academy scheduled from <paramref name="from"/> on, soonest first, that the actor
    /// teaches or attends (all of them for an admin), at most <paramref name="limit"/>. A pre-filter in the
    /// database: callers still ask each session's own rules.
    /// </summary>
    Task<IReadOnlyList<IRecordingCapable>> ListForActorAsync(Actor actor, DateTimeOffset from, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of the sessions of the actor's academy the actor teaches or attends, whatever their kind, as a query to
    /// compose with others (it runs inside theirs, in one statement).
    /// </summary>
    IQueryable<Guid> IdsOfSessionsTakenPartIn(Actor actor);
}
