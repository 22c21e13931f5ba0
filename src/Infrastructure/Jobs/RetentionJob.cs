using ItqanRecording.Application.Recordings.ApplyRetention;
using ItqanRecording.Application.Recordings.EmptyTrash;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Jobs;

/// <summary>
/// Every <c>Reliability:RetentionInterval</c>, deletes the recordings of every academy that are past retention, and
/// removes the files of the deleted recordings that had their academy's days in the trash.
/// </summary>
public sealed class RetentionJob(
    IServiceScopeFactory scopes,
    IOptions<ReliabilityOptions> options,
    TimeProvider clock,
    ILogger<RetentionJob> logger) : SingleInstanceJob(scopes, clock, logger)
{
    protected override int LockKey => 3;

    protected override TimeSpan Interval => options.Value.RetentionInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var sender = services.GetRequiredService<ISender>();
        var report = await sender.Send(new ApplyRetentionCommand(AcademyId: null, DryRun: false), stoppingToken);
        if (report.Count > 0)
        {
            logger.LogInformation("Retention deleted {Count} recording(s), {TotalBytes} bytes", report.Count, report.TotalBytes);
        }

        await sender.Send(new EmptyTrashCommand(AcademyId: null, OnlyExpired: true, ByUserId: null), stoppingToken);
    }
}
