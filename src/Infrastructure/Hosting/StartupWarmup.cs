using System.Diagnostics;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ItqanRecording.Infrastructure.Hosting;

/// <summary>
/// Before the API takes requests (after the database initializer), runs once what a teacher's first Start would
/// otherwise pay for: EF Core's model and the Start path's queries compiled, a connection of each database pool
/// opened, the session lock taken and let go, and one read-only call to LiveKit (its HTTP connection, token signing
/// and JSON reader). Each step is bounded and may fail: the API starts anyway and the step is paid by the first
/// request, as without the warm-up. Measured by <c>make bench</c> ("first Start after start-up").
/// </summary>
public sealed class StartupWarmup(IServiceScopeFactory scopes, ILogger<StartupWarmup> logger) : IHostedService
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A room no session has: LiveKit answers an empty list.</summary>
    private const string WarmupRoom = "itqan-warmup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await StepAsync("database", async token =>
        {
            var db = services.GetRequiredService<RecordingDbContext>();
            // One session of each kind there is, loaded as a Start loads it: each kind's query is compiled now.
            var finder = services.GetRequiredService<ISessionFinder>();
            var oneOfEachKind = await db.Database
                .SqlQueryRaw<Guid>("SELECT DISTINCT ON (kind) id AS \"Value\" FROM sessions ORDER BY kind, id")
                .ToListAsync(token);
            foreach (var sessionId in oneOfEachKind.DefaultIfEmpty(Guid.Empty))
            {
                await finder.FindAsync(sessionId, token);
            }

            await db.Recordings.AnyAsync(r => r.SessionId == Guid.Empty && r.Status == RecordingStatus.Recording, token);
            await using (await services.GetRequiredService<ISessionRecordingLock>().AcquireAsync(Guid.Empty, token))
            {
                // Taken and let go without a commit: nothing is written.
            }

            if (services.GetRequiredService<IEgressStartIntents>() is PostgresEgressStartIntents intents)
            {
                await intents.OpenConnectionAsync(token);
            }
        }, cancellationToken);
        await StepAsync("LiveKit", token =>
            services.GetRequiredService<IEgressClient>().ListEgressAsync(new EgressListFilter(RoomName: WarmupRoom), token), cancellationToken);
        logger.LogInformation("Warmed up in {ElapsedMs} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StepAsync(string name, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StepTimeout);
        try
        {
            await step(timeout.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Warm-up of {Step} did not finish; the first request pays for it instead", name);
        }
    }
}
