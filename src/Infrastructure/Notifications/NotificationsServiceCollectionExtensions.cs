using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Infrastructure.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Ready notifications: the in-app list's settings, the open pages of this instance and the PostgreSQL listener
    /// that tells them; email through SMTP when <c>Smtp:Host</c> is set.
    /// </summary>
    public static IServiceCollection AddReadyNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReadyNotificationHub>();
        services.AddSingleton<RecordingAvailabilityListener>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordingAvailabilityListener>());

        var smtp = configuration.GetSection(SmtpOptions.SectionName);
        services.AddOptions<SmtpOptions>().Bind(smtp).ValidateDataAnnotations().ValidateOnStart();
        // The sender is always there, as the email handler the mediator registers needs it to be built; only the job
        // that sends runs without a server configured.
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        if (smtp.Get<SmtpOptions>() is { IsConfigured: true })
        {
            services.AddHostedService<ReadyEmailJob>();
        }

        return services;
    }
}
