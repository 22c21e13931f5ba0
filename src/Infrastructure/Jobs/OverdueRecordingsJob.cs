using ItqanRecording.Application.EgressEvents.StopOverdueRecordings;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Jobs;

/// <summary>Every <c>Reliability:OverdueCheckInterval</c>, stops recordings that ran past <c>Recording:MaxDuration</c>.</summary>
public sealed class OverdueRecordingsJob(
    IServiceScopeFactory scopes,
    IOptions<ReliabilityOptions> options,
    TimeProvider clock,
    ILogger<OverdueRecordingsJob> logger) : SingleInstanceJob(scopes, clock, logger)
{
    protected override int LockKey => 2;

    protected override TimeSpan Interval => options.Value.OverdueCheckInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var stopped = await services.GetRequiredService<ISender>().Send(new StopOverdueRecordingsCommand(), stoppingToken);
        if (stopped.Count > 0)
        {
            logger.LogInformation("Stopped {Count} recording(s) that ran past their maximum duration", stopped.Count);
        }
    }
}
