using System.Globalization;
using ItqanRecording.Application.Learning;
using ItqanRecording.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ItqanRecording.Infrastructure.Jobs;

/// <summary>
/// Writes the heartbeats the <see cref="WatchProgressBuffer"/> gathered, every <see cref="LearningOptions.HeartbeatFlushInterval"/>
/// and once more when the instance stops: one statement for all of them. Each user's spans go in as one
/// <c>int4multirange</c> (PostgreSQL merges overlapping ranges as it reads it) and join the seconds seen before
/// (<c>+</c>); the position moves to the latest heartbeat's end. A write that fails because the database is away is
/// put back and tried with the next one; one the database refuses is dropped and logged.
/// </summary>
public sealed class WatchProgressFlusher(
    WatchProgressBuffer buffer,
    IServiceScopeFactory scopes,
    IOptions<LearningOptions> options,
    TimeProvider clock,
    ILogger<WatchProgressFlusher> logger) : BackgroundService
{
    /// <summary>Writes what is pending now; answers how many user-and-recording rows it wrote.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var pending = buffer.TakeAll();
        if (pending.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RecordingDbContext>();
            var recordingIds = pending.Select(p => p.RecordingId).ToArray();
            var userIds = pending.Select(p => p.UserId).ToArray();
            var academyIds = pending.Select(p => p.AcademyId).ToArray();
            var watched = pending.Select(p => MultirangeOf(p.Spans)).ToArray();
            var positions = pending.Select(p => p.PositionSeconds).ToArray();
            var now = clock.GetUtcNow();
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO watch_progress AS p (recording_id, user_id, academy_id, watched, watched_seconds, position_seconds, updated_at)
                SELECT b.recording_id, b.user_id, b.academy_id, b.watched::int4multirange,
                       (SELECT coalesce(sum(upper(w) - lower(w)), 0) FROM unnest(b.watched::int4multirange) AS w), b.position_seconds, {now}
                FROM unnest({recordingIds}::uuid[], {userIds}::uuid[], {academyIds}::uuid[], {watched}::text[], {positions}::int[])
                    AS b(recording_id, user_id, academy_id, watched, position_seconds)
                WHERE EXISTS (SELECT 1 FROM recordings r WHERE r.id = b.recording_id)
                ON CONFLICT (recording_id, user_id) DO UPDATE SET
                    watched = p.watched + EXCLUDED.watched,
                    watched_seconds = (SELECT coalesce(sum(upper(w) - lower(w)), 0) FROM unnest(p.watched + EXCLUDED.watched) AS w),
                    position_seconds = EXCLUDED.position_seconds,
                    updated_at = EXCLUDED.updated_at
                """,
                cancellationToken);
            return pending.Count;
        }
        catch (Exception exception) when (exception is NpgsqlException { IsTransient: true } or TimeoutException or OperationCanceledException)
        {
            buffer.PutBack(pending);
            logger.LogWarning(exception, "Writing {Count} users' watch progress failed; it is kept for the next write", pending.Count);
            return 0;
        }
        catch (PostgresException exception)
        {
            // Not the database being away: trying the same rows again would fail again.
            logger.LogError(exception, "Writing {Count} users' watch progress was refused; those heartbeats are dropped", pending.Count);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatFlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>E.g. <c>{[0,30),[20,50)}</c>: whole seconds, each span from its start up to its end.</summary>
    private static string MultirangeOf(IReadOnlyList<Domain.Learning.WatchedSpan> spans) =>
        "{" + string.Join(',', spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"[{s.FromSeconds},{s.ToSeconds})"))) + "}";
}
