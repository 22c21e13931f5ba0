using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Learning;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Infrastructure.Hosting;
using ItqanRecording.Infrastructure.Identity;
using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.Infrastructure.LiveKit;
using ItqanRecording.Infrastructure.Media;
using ItqanRecording.Infrastructure.Notifications;
using ItqanRecording.Infrastructure.Persistence;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using ItqanRecording.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ItqanRecording.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Recording";

    /// <summary>The tag of the health checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} (env ConnectionStrings__{ConnectionStringName}) must hold the PostgreSQL connection string.");
        }

        // Pooled: a request rents a context whose internal services are already resolved instead of building them
        // (measured at ~9 % of the API's CPU on a catalogue page, docs/performance.md). The context holds no state of
        // its own beyond what EF resets on return. Past 64 contexts in use at once the extra ones are built and
        // disposed as unpooled contexts would be, so a burst (100 starts at once) leaves no more than 64 behind.
        foreach (var kind in SessionKindServiceCollectionExtensions.BuiltIn())
        {
            services.AddSessionKind(kind);
        }

        services.AddDbContextPool<RecordingDbContext>(
            (provider, options) => RecordingDbContext.Configure(options, connectionString, provider.GetServices<ISessionKindDefinition>()),
            poolSize: 64);
        // Hosted services start in the order they are registered: the database is migrated before Data Protection's
        // own hosted service loads the key ring from it (on an empty database that read failed and logged an error).
        services.AddHostedService<DatabaseInitializer>();
        services.AddDataProtection().SetApplicationName("ItqanRecording").PersistKeysToDbContext<RecordingDbContext>();
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<RecordingDbContext>());
        services.AddScoped<ITranscriptSearch, TranscriptSearch>();
        services.AddScoped<IRecordingAnalytics, RecordingAnalytics>();
        services.AddScoped<ISessionFinder, SessionFinder>();
        services.AddSingleton<SessionKindMemory>();
        services.AddScoped<ISessionRecordingLock, PostgresSessionRecordingLock>();
        services.AddSingleton<IEgressStartIntents>(_ => new PostgresEgressStartIntents(NpgsqlDataSource.Create(connectionString)));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName)).ValidateOnStart();
        services.AddScoped<DemoData>();
        services.AddSingleton<DemoMedia>();
        // Ready means the database answers (EF Core's own check: CanConnectAsync); /health/ready asks the "ready" checks.
        services.AddHealthChecks().AddDbContextCheck<RecordingDbContext>("database", tags: [ReadyTag]);
        services.AddHostedService<StartupWarmup>();

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<LocalRecordingStorage>();
        services.AddSingleton<S3RecordingStorage>();
        services.AddSingleton<IRecordingStorage>(sp => new RecordingStorage(
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetRequiredService<LocalRecordingStorage>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.S3 is null ? null : sp.GetRequiredService<S3RecordingStorage>()));
        services.AddOptions<MediaProcessingOptions>().Bind(configuration.GetSection(MediaProcessingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaProcessingOptions>, MediaProcessingOptionsValidator>();
        services.AddSingleton<IMediaTools, FfmpegMediaTools>();
        services.AddOptions<TranscriptionOptions>().Bind(configuration.GetSection(TranscriptionOptions.SectionName));
        services.AddSingleton<ITranscriber, CommandTranscriber>();
        services.AddScoped<IMediaJobQueue, PostgresMediaJobQueue>();
        services.AddSingleton<WatchProgressBuffer>();
        services.AddSingleton<IWatchProgressStore>(sp => sp.GetRequiredService<WatchProgressBuffer>());
        services.AddSingleton<WatchProgressFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<WatchProgressFlusher>());
        services.AddOptions<LearningOptions>().Bind(configuration.GetSection(LearningOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MediaProcessingJob>();
        services.AddHostedService(sp => sp.GetRequiredService<MediaProcessingJob>());
        services.AddSingleton<DataProtectionRecordingLinkSigner>();
        services.AddSingleton<IRecordingLinkSigner>(sp => sp.GetRequiredService<DataProtectionRecordingLinkSigner>());

        // One entry per registered kind: its registration's defaults, then what Recording:{Kind} sets.
        services.AddOptions<RecordingOptions>()
            .Configure<IEnumerable<ISessionKindRegistration>>((options, kinds) =>
            {
                foreach (var kind in kinds)
                {
                    var defaults = kind.NewRecordingDefaults();
                    configuration.GetSection($"{RecordingOptions.SectionName}:{SessionKindKeys.KeyOf(kind.Kind)}").Bind(defaults);
                    options.Kinds.Add(kind.Kind, defaults);
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecordingOptions>, RecordingOptionsValidator>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddLiveKit(configuration);
        services.AddRecordingJobs(configuration);
        services.AddReadyNotifications(configuration);
        return services;
    }
}
