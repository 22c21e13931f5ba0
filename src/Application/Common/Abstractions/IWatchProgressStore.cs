using ItqanRecording.Domain.Learning;

namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>Where heartbeats land: cheap enough for every player of every student to beat every few seconds.</summary>
public interface IWatchProgressStore
{
    /// <summary>
    /// Adds <paramref name="span"/> to what the user has watched of the recording (merged with what was watched
    /// before, so a stretch seen twice counts once) and moves their position to its end: written within the flush
    /// interval, not before the call returns.
    /// </summary>
    Task RecordAsync(Guid recordingId, Guid userId, Guid academyId, WatchedSpan span, CancellationToken cancellationToken);
}
