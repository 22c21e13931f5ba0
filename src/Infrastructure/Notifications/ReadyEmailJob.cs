using ItqanRecording.Application.Notifications.AnnounceReadyRecordings;
using ItqanRecording.Infrastructure.Jobs;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Notifications;

/// <summary>
/// Every <c>Smtp:SendInterval</c>, on one instance at a time, emails the students and teachers of the recordings that
/// became watchable (<see cref="AnnounceReadyRecordingsCommand"/>). Runs only when an SMTP server is configured.
/// </summary>
public sealed class ReadyEmailJob(
    IServiceScopeFactory scopes,
    IOptions<SmtpOptions> options,
    TimeProvider clock,
    ILogger<ReadyEmailJob> logger) : SingleInstanceJob(scopes, clock, logger)
{
    protected override int LockKey => 5;

    protected override TimeSpan Interval => options.Value.SendInterval;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var sender = services.GetRequiredService<ISender>();
        while (await sender.Send(new AnnounceReadyRecordingsCommand(), stoppingToken) == AnnounceReadyRecordingsCommand.BatchSize)
        {
            // A full batch: there may be more due.
        }
    }
}
