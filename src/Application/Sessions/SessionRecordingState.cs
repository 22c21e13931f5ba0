using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Sessions;

/// <summary>What the recordings of one session add up to, for lists and badges.</summary>
public sealed record SessionRecordingState(bool IsRecording, int RecordingCount, RecordingStatus? LatestStatus)
{
    public static readonly SessionRecordingState None = new(false, 0, null);

    /// <summary>
    /// The state of each given session in one query; sessions without recordings are left out. Unpublished recordings
    /// (awaiting review, hidden) count only in the sessions of <paramref name="controlledSessionIds"/>, whose teacher
    /// (or an admin) asks.
    /// </summary>
    public static async Task<Dictionary<Guid, SessionRecordingState>> LoadAsync(
        IApplicationDbContext db, IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<Guid> controlledSessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Recordings.AsNoTracking()
            .Where(r => sessionIds.Contains(r.SessionId) && r.Status != RecordingStatus.Deleted
                && (r.Publication == RecordingPublication.Published || controlledSessionIds.Contains(r.SessionId)))
            .GroupBy(r => r.SessionId)
            .Select(g => new
            {
                SessionId = g.Key,
                IsRecording = g.Any(r => r.Status == RecordingStatus.Recording),
                Count = g.Count(),
                Latest = g.OrderByDescending(r => r.StartedAt).Select(r => r.Status).First(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.SessionId, r => new SessionRecordingState(r.IsRecording, r.Count, r.Latest));
    }
}
