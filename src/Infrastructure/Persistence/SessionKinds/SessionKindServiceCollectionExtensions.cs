using ItqanRecording.Application.Common.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Infrastructure.Persistence.SessionKinds;

public static class SessionKindServiceCollectionExtensions
{
    /// <summary>The kinds this service ships with, in the order lists and messages name them.</summary>
    public static IReadOnlyList<ISessionKindDefinition> BuiltIn() => [new InteractiveKind(), new QuranKind(), new AcademicKind()];

    /// <summary>
    /// Makes a kind known to the whole service: the database model, the session loader, the recording and
    /// maximum-duration settings (with their start-up checks) and the catalogue's <c>kind</c> filter.
    /// </summary>
    public static IServiceCollection AddSessionKind<TDefinition>(this IServiceCollection services)
        where TDefinition : ISessionKindDefinition, new() =>
        services.AddSessionKind(new TDefinition());

    public static IServiceCollection AddSessionKind(this IServiceCollection services, ISessionKindDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        services.AddSingleton(definition);
        services.AddSingleton<ISessionKindRegistration>(definition);
        return services;
    }
}
