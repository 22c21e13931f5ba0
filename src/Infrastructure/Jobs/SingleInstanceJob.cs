using ItqanRecording.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ItqanRecording.Infrastructure.Jobs;

/// <summary>
/// A background job that runs every <see cref="Interval"/> and, across every API instance on the database, once at
/// a time: each run first takes a PostgreSQL session advisory lock (<c>pg_try_advisory_lock</c>) named by the job,
/// and an instance that does not get it skips the run. The lock lives on a connection of its own, so it is released
/// when the run ends or when its process dies.
/// </summary>
/// <remarks>
/// On shutdown the stopping token is passed to the run; jobs check it between units (one recording each, one
/// transaction each) and finish the unit under way, so nothing is left half-written.
/// </remarks>
public abstract class SingleInstanceJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>First key of the two-key advisory lock ("JOBS"), apart from the session locks' space.</summary>
    private const int JobLockSpace = 0x4A4F4253;

    /// <summary>Second key of the job's advisory lock; unique among jobs.</summary>
    protected abstract int LockKey { get; }

    protected abstract TimeSpan Interval { get; }

    private string Name => GetType().Name;

    /// <summary>
    /// Runs the job now unless another instance is running it.
    /// </summary>
    /// <returns>False when another instance holds the job's lock and this run was skipped.</returns>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<RecordingDbContext>().Database.GetConnectionString();

        // Outside the pool: a pooled connection would keep the session lock after it went back to the pool.
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (!await ExecuteLockFunctionAsync(connection, "pg_try_advisory_lock", cancellationToken))
        {
            logger.LogDebug("Job {Job} is running on another instance; skipped", Name);
            return false;
        }

        try
        {
            await RunAsync(scope.ServiceProvider, cancellationToken);
            return true;
        }
        finally
        {
            // Closing the connection would release it too; unlocking first lets another instance in at once.
            await ExecuteLockFunctionAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    /// <summary>One run of the job, with services of its own scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Job {Job} failed; it runs again in {Interval}", Name, Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task<bool> ExecuteLockFunctionAsync(NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@space, @key)", connection);
        command.Parameters.AddWithValue("space", JobLockSpace);
        command.Parameters.AddWithValue("key", LockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
