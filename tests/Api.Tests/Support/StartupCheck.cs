using ItqanRecording.Api.Auth;
using ItqanRecording.Application;
using ItqanRecording.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Api.Tests.Support;

public static class StartupCheck
{
    /// <summary>
    /// The API's registrations (as Program.cs makes them, plus <paramref name="addMore"/>) over the fixture's valid
    /// settings and one changed key, checked as the host checks them at start-up (<c>ValidateOnStart</c>). A host that
    /// fails to start inside WebApplicationFactory sometimes surfaces an ObjectDisposedException instead of the
    /// validation failure (seen in make test), so the check is run without one.
    /// </summary>
    public static Action With(ApiFixture api, string key, string value, Action<IServiceCollection>? addMore = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var settings = new ConfigurationBuilder()
            .AddConfiguration(api.Services.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddApplication();
        services.AddInfrastructure(settings);
        services.AddSignInProtection(settings);
        addMore?.Invoke(services);
        return () =>
        {
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
        };
    }
}
