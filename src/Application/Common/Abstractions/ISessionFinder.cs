using Itqan.Recording.Domain.Sessions;

namespace Itqan.Recording.Application.Common.Abstractions;

/// <summary>Loads a session of any kind with everything its recording rules need.</summary>
public interface ISessionFinder
{
    Task<LiveSession?> FindAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>All sessions of an academy, ready for their rules to be asked.</summary>
    Task<IReadOnlyList<LiveSession>> ListForAcademyAsync(Guid academyId, CancellationToken cancellationToken);
}
