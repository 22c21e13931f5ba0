using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.EgressEvents.StopOverdueRecordings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The background jobs (reconciliation, overdue recordings, retention, pruning of waiting egress events), their
    /// settings validated at start-up, and the host's shutdown timeout, so in-flight requests and a job's current unit
    /// can finish.
    /// </summary>
    public static IServiceCollection AddRecordingJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReliabilityOptions>().Bind(configuration.GetSection(ReliabilityOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReliabilityOptions>, ReliabilityOptionsValidator>();
        // One limit per registered kind: Recording:MaxDuration:{Kind}, else the kind's own default.
        services.AddOptions<MaxRecordingDurationOptions>()
            .Configure<IEnumerable<ISessionKindRegistration>>((options, kinds) =>
            {
                var section = configuration.GetSection(MaxRecordingDurationOptions.SectionName);
                foreach (var kind in kinds)
                {
                    options.Kinds.Add(kind.Kind, section.GetValue(SessionKindKeys.KeyOf(kind.Kind), kind.DefaultMaxDuration));
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MaxRecordingDurationOptions>, MaxRecordingDurationOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<ReliabilityOptions>>(
            (host, reliability) => host.ShutdownTimeout = reliability.Value.ShutdownTimeout);

        services.AddHostedService<ReconciliationJob>();
        services.AddHostedService<OverdueRecordingsJob>();
        services.AddHostedService<RetentionJob>();
        services.AddHostedService<PendingEventsPruningJob>();
        return services;
    }
}
