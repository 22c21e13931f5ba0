using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings.Media;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// Claims with <c>FOR UPDATE SKIP LOCKED</c> in a transaction of its own: instances claiming at the same moment each
/// lock a different due job (or none), and the claim (<see cref="MediaJob.Claim"/>) is committed before the work
/// begins, so a crash mid-work leaves a running job whose lease runs out and which is then claimed again.
/// </summary>
public sealed class PostgresMediaJobQueue(RecordingDbContext db, TimeProvider clock) : IMediaJobQueue
{
    public async Task<Guid?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var job = (await db.MediaJobs
                .FromSql($"""
                    SELECT * FROM media_jobs
                    WHERE (state = 'queued' AND next_attempt_at <= {now}) OR (state = 'running' AND lease_expires_at <= {now})
                    ORDER BY next_attempt_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken)).SingleOrDefault();
            if (job is null)
            {
                return null;
            }

            var claimed = job.Claim(now, lease);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (claimed)
            {
                return job.Id;
            }
        }
    }
}
