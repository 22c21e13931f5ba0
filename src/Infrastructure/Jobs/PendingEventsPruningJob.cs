using ItqanRecording.Application.EgressEvents.PrunePendingEgressEvents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Jobs;

/// <summary>
/// Every <c>Reliability:PendingEventPruneInterval</c>, deletes up to <c>PendingEventPruneBatchSize</c> waiting egress
/// events that were applied or are older than <c>PendingEventMaxAge</c>.
/// </summary>
public sealed class PendingEventsPruningJob(
    IServiceScopeFactory scopes,
    IOptions<ReliabilityOptions> options,
    TimeProvider clock,
    ILogger<PendingEventsPruningJob> logger) : SingleInstanceJob(scopes, clock, logger)
{
    protected override int LockKey => 4;

    protected override TimeSpan Interval => options.Value.PendingEventPruneInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var deleted = await services.GetRequiredService<ISender>()
            .Send(new PrunePendingEgressEventsCommand(settings.PendingEventMaxAge, settings.PendingEventPruneBatchSize), stoppingToken);
        if (deleted > 0)
        {
            logger.LogInformation(
                "Pruned {Count} waiting egress event(s), applied or older than {MaxAge} (at most {BatchSize} a run)",
                deleted, settings.PendingEventMaxAge, settings.PendingEventPruneBatchSize);
        }
    }
}
