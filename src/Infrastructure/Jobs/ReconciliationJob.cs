using ItqanRecording.Application.EgressEvents.ReconcileRecordings;
using ItqanRecording.Application.EgressEvents.SettleStartIntents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Jobs;

/// <summary>
/// Every <c>Reliability:ReconcileInterval</c>, asks LiveKit about recordings stuck longer than <c>ReconcileAfter</c>,
/// and settles the start intents older than that (Starts that saved no recording).
/// </summary>
public sealed class ReconciliationJob(
    IServiceScopeFactory scopes,
    IOptions<ReliabilityOptions> options,
    TimeProvider clock,
    ILogger<ReconciliationJob> logger) : SingleInstanceJob(scopes, clock, logger)
{
    protected override int LockKey => 1;

    protected override TimeSpan Interval => options.Value.ReconcileInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var report = await services.GetRequiredService<ISender>()
            .Send(new ReconcileRecordingsCommand(AcademyId: null, options.Value.ReconcileAfter), stoppingToken);
        if (report.Changed.Count + report.PendingEventsApplied + report.Unresolved.Count > 0)
        {
            logger.LogInformation(
                "Reconciliation checked {Checked} recording(s): {Changed} changed, {Unresolved} unresolved, {Pending} waiting event(s) applied",
                report.Checked, report.Changed.Count, report.Unresolved.Count, report.PendingEventsApplied);
        }

        var settled = await services.GetRequiredService<ISender>()
            .Send(new SettleStartIntentsCommand(options.Value.ReconcileAfter), stoppingToken);
        if (settled > 0)
        {
            logger.LogInformation("Reconciliation settled {Settled} start intent(s)", settled);
        }
    }
}
