using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Recordings.ProcessMedia;
using ItqanRecording.Infrastructure.Media;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Jobs;

/// <summary>
/// On every instance: every <c>MediaProcessing:PollInterval</c>, works through the due media jobs one at a time
/// (each claimed by <see cref="IMediaJobQueue"/>, so no two instances run the same attempt), until none is due.
/// </summary>
public sealed class MediaProcessingJob(
    IServiceScopeFactory scopes,
    IOptions<MediaProcessingOptions> options,
    TimeProvider clock,
    ILogger<MediaProcessingJob> logger) : BackgroundService
{
    /// <summary>Claims and runs due jobs until none is left.</summary>
    /// <returns>How many attempts this call ran.</returns>
    public async Task<int> RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var claimed = await scope.ServiceProvider.GetRequiredService<IMediaJobQueue>().ClaimNextAsync(options.Value.Lease, cancellationToken);
            if (claimed is not { } jobId)
            {
                break;
            }

            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ProcessMediaJobCommand(jobId), cancellationToken);
            attempts++;
        }

        return attempts;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunUntilIdleAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Media processing failed; it looks for jobs again in {Interval}", options.Value.PollInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
