using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Learning;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>What one user watched of one recording since the last write, and where they are now.</summary>
public sealed record PendingWatchProgress(Guid RecordingId, Guid UserId, Guid AcademyId, IReadOnlyList<WatchedSpan> Spans, int PositionSeconds);

/// <summary>
/// Heartbeats gathered in this instance's memory and written together (<see cref="Jobs.WatchProgressFlusher"/>): a
/// heartbeat costs the request no database work, and a flush writes everything pending in one statement. What a crash
/// loses is the heartbeats since the last flush (a second by default); several instances each write their own, and
/// the database merges them.
/// </summary>
public sealed class WatchProgressBuffer : IWatchProgressStore
{
    private readonly Lock _sync = new();
    private Dictionary<(Guid RecordingId, Guid UserId), Entry> _pending = [];

    public Task RecordAsync(Guid recordingId, Guid userId, Guid academyId, WatchedSpan span, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (!_pending.TryGetValue((recordingId, userId), out var entry))
            {
                _pending[(recordingId, userId)] = entry = new Entry(academyId);
            }

            entry.Spans.Add(span);
            entry.PositionSeconds = span.ToSeconds;
        }

        return Task.CompletedTask;
    }

    /// <summary>Everything pending, taken out of the buffer.</summary>
    public IReadOnlyList<PendingWatchProgress> TakeAll()
    {
        Dictionary<(Guid RecordingId, Guid UserId), Entry> taken;
        lock (_sync)
        {
            taken = _pending;
            _pending = [];
        }

        return [.. taken.Select(p => new PendingWatchProgress(p.Key.RecordingId, p.Key.UserId, p.Value.AcademyId, p.Value.Spans, p.Value.PositionSeconds))];
    }

    /// <summary>A write that failed goes back, under what came in meanwhile (whose position is newer).</summary>
    public void PutBack(IEnumerable<PendingWatchProgress> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        lock (_sync)
        {
            foreach (var progress in failed)
            {
                if (_pending.TryGetValue((progress.RecordingId, progress.UserId), out var newer))
                {
                    newer.Spans.InsertRange(0, progress.Spans);
                    continue;
                }

                var entry = new Entry(progress.AcademyId) { PositionSeconds = progress.PositionSeconds };
                entry.Spans.AddRange(progress.Spans);
                _pending[(progress.RecordingId, progress.UserId)] = entry;
            }
        }
    }

    private sealed class Entry(Guid academyId)
    {
        public Guid AcademyId { get; } = academyId;

        public List<WatchedSpan> Spans { get; } = [];

        public int PositionSeconds { get; set; }
    }
}
