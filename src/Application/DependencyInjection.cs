using FluentValidation;
using Itqan.Recording.Application.Common.Behaviours;
using Itqan.Recording.Application.Auth.CheckSession;
using Itqan.Recording.Application.Auth.SignIn;
using Itqan.Recording.Application.EgressEvents;
using Itqan.Recording.Application.Recordings;
using Itqan.Recording.Application.Recordings.GetRecordingFile;
using Microsoft.Extensions.DependencyInjection;

namespace Itqan.Recording.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>)];
        });
        services.AddSingleton<MessageLog>();
        // Validators hold only their rules (no services, no state), so they are built once rather than per request.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RecordingResponseFactory>();
        services.AddScoped<EgressEventApplier>();
        services.AddSingleton<RecordingFileAccessMemory>();
        services.AddSingleton<SignedInUserMemory>();
        services.AddSingleton<SignInAttempts>();
        return services;
    }
}
