using ItqanRecording.LiveKitEmulator.Control;
using ItqanRecording.LiveKitEmulator.Egresses;
using ItqanRecording.LiveKitEmulator.Faults;
using ItqanRecording.LiveKitEmulator.Media;
using ItqanRecording.LiveKitEmulator.Twirp;
using ItqanRecording.LiveKitEmulator.Uploads;
using ItqanRecording.LiveKitEmulator.Webhooks;
using ItqanRecording.LiveKitWebhookSigning;
using Microsoft.Extensions.Options;

namespace ItqanRecording.LiveKitEmulator;

public static class DependencyInjection
{
    public static IServiceCollection AddLiveKitEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmulatorOptions>().Bind(configuration.GetSection(EmulatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmulatorOptions>, EmulatorOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ApiCredentials>();

        services.AddSingleton<TwirpAuth>();
        services.AddSingleton<FaultState>();
        services.AddSingleton<RoomRegistry>();
        services.AddSingleton<EgressStore>();
        services.AddSingleton<FileOutputPlanner>();
        services.AddSingleton<MediaWriter>();
        services.AddSingleton<S3Uploader>();
        services.AddSingleton<EgressLifecycle>();
        services.AddSingleton<EgressService>();
        services.AddSingleton<EmulatorControl>();

        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = TimeSpan.FromMilliseconds(provider.GetRequiredService<IOptions<EmulatorOptions>>().Value.WebhookTimeoutMs));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmulatorOptions>>().Value;
            return new LiveKitWebhookSigner(options.ApiKey, options.ApiSecret);
        });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookQueues>();
        services.AddSingleton<WebhookPublisher>();
        services.AddSingleton<IEgressObserver>(provider => provider.GetRequiredService<WebhookPublisher>());
        return services;
    }
}
