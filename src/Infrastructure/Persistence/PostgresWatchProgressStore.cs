using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// A heartbeat is one statement: the span joins the seconds already seen as a PostgreSQL multirange (<c>+</c> merges
/// overlapping and touching ranges), their total is kept beside it for the lists, and the position moves to the
/// span's end. Concurrent heartbeats of one user and recording queue on the row and each merges into what the other
/// wrote.
/// </summary>
public sealed class PostgresWatchProgressStore(RecordingDbContext db, TimeProvider clock) : IWatchProgressStore
{
    public async Task RecordAsync(Guid recordingId, Guid userId, Guid academyId, WatchedSpan span, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO watch_progress AS p (recording_id, user_id, academy_id, watched, watched_seconds, position_seconds, updated_at)
            VALUES ({recordingId}, {userId}, {academyId}, int4multirange(int4range({span.FromSeconds}, {span.ToSeconds})), {span.Length}, {span.ToSeconds}, {now})
            ON CONFLICT (recording_id, user_id) DO UPDATE SET
                watched = p.watched + EXCLUDED.watched,
                watched_seconds = (SELECT coalesce(sum(upper(w) - lower(w)), 0) FROM unnest(p.watched + EXCLUDED.watched) AS w),
                position_seconds = EXCLUDED.position_seconds,
                updated_at = EXCLUDED.updated_at
            """,
            cancellationToken);
    }
}
