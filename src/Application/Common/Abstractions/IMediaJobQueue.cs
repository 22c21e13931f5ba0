namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>Hands out media jobs so that each attempt runs on exactly one instance.</summary>
public interface IMediaJobQueue
{
    /// <summary>
    /// Claims the job that is due first (queued and due, or running past its lease) for <paramref name="lease"/>,
    /// skipping any another instance is claiming at the same moment, and commits the claim; null when none is due.
    /// </summary>
    Task<Guid?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken);
}
