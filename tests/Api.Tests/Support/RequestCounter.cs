using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>Counts the requests an API instance answers, before anything else of its pipeline runs.</summary>
public sealed class RequestCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Makes the instance being built count its requests here.</summary>
    public void CountRequestsOf(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new CountingStartupFilter(this)));

    private sealed class CountingStartupFilter(RequestCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                Interlocked.Increment(ref counter._count);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
