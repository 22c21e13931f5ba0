using RecordingEntity = ItqanRecording.Domain.Recordings.Recording;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>
/// The locks that make the writers of recordings take turns, across requests and API instances. Starting and
/// stopping hold the session's lock, so a session has one active recording at a time; every change of an existing
/// recording's status (Stop, LiveKit's webhooks, the jobs) holds the recording's row. Each lock lives in a database
/// transaction; changes saved inside the scope land only on <see cref="ISessionLockScope.CommitAsync"/>.
/// </summary>
public interface ISessionRecordingLock
{
    Task<ISessionLockScope> AcquireAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="AcquireAsync"/>, and in the same round trip (a second statement, so it reads what the lock's
    /// previous holder committed) whether the session has a recording that is recording now. The session's kind is
    /// read in that round trip too, so <see cref="ISessionFinder"/> then loads the session in one statement.
    /// </summary>
    Task<LockedSession> AcquireAndReadActivityAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Inside the session's lock: the session's active recording, its row locked until the scope ends (null when
    /// there is none).
    /// </summary>
    Task<RecordingEntity?> LockActiveRecordingAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction and reads the recording of the egress as it is now, its row locked until the scope
    /// ends; with it, in the same statement, whether the webhook event <paramref name="eventId"/> was applied and
    /// whether a copy of it waits among the pending events. Null (and no transaction) when no recording knows
    /// the egress.
    /// </summary>
    Task<LockedRecordingRow?> LockByEgressAsync(string egressId, string? eventId, CancellationToken cancellationToken);
}

public interface ISessionLockScope : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Commits, then asks whether LiveKit events of <paramref name="egressId"/> wait to be applied (stored while its
    /// recording was not yet committed), in the same round trip: the question is read after the commit, as a separate
    /// look would be. True also when the commit went through but the question failed, so the caller looks itself.
    /// </summary>
    Task<bool> CommitAndFindWaitingEventsAsync(string egressId, CancellationToken cancellationToken);
}

/// <summary>A recording read under its row lock, and what the database knows about the event that asked for it.</summary>
public sealed record LockedRecordingRow(ISessionLockScope Scope, RecordingEntity Recording, bool EventApplied, bool EventWaiting);

/// <summary>The session's lock, and whether the session was recording when the lock was granted.</summary>
public sealed record LockedSession(ISessionLockScope Scope, bool IsRecording);
