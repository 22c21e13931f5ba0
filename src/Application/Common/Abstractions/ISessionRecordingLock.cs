namespace Itqan.Recording.Application.Common.Abstractions;

/// <summary>
/// Serialises starting and stopping the recording of one session, across requests and API instances.
/// The lock lives in a database transaction; changes saved inside the scope land only on <see cref="ISessionLockScope.CommitAsync"/>.
/// </summary>
public interface ISessionRecordingLock
{
    Task<ISessionLockScope> AcquireAsync(Guid sessionId, CancellationToken cancellationToken);
}

public interface ISessionLockScope : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
