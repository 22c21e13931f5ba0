using FluentValidation;
using ItqanRecording.Application.Common.Behaviours;
using ItqanRecording.Application.Auth.CheckSession;
using ItqanRecording.Application.Auth.SignIn;
using ItqanRecording.Application.EgressEvents;
using ItqanRecording.Application.EgressEvents.ProcessEgressEnded;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Application.Recordings.GetRecordingFile;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Application;

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
        services.AddScoped<RecordingEgressStarter>();
        services.AddScoped<NextRecordingPart>();
        services.AddSingleton<RecordingFileAccessMemory>();
        services.AddSingleton<SignedInUserMemory>();
        services.AddSingleton<SignInAttempts>();
        return services;
    }
}
