using ItqanRecording.Application.Common.Egress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.LiveKit;

public static class LiveKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Egress client and the webhook receiver, configured from the <c>LiveKit</c> section and validated
    /// when the host starts.
    /// </summary>
    public static IServiceCollection AddLiveKit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveKitOptions>().Bind(configuration.GetSection(LiveKitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LiveKitOptions>, LiveKitOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<LiveKitAccessTokenFactory>();
        services.AddSingleton<ILiveKitWebhookReceiver, LiveKitWebhookReceiver>();
        services.AddHttpClient<IEgressClient, TwirpEgressClient>((provider, httpClient) =>
            {
                var options = provider.GetRequiredService<IOptions<LiveKitOptions>>().Value;
                httpClient.BaseAddress = LiveKitOptions.ToHttpBaseAddress(options.Url);

                // The resilience pipeline sets the time limits; this one only backs it up.
                httpClient.Timeout = LiveKitResilience.TotalTimeout(options.RequestTimeout) + TimeSpan.FromSeconds(5);
            })
            .AddResilienceHandler(LiveKitResilience.PipelineName, (pipeline, context) =>
                LiveKitResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<LiveKitOptions>>().Value.RequestTimeout));

        return services;
    }
}
