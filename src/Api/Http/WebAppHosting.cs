using Microsoft.Net.Http.Headers;

namespace Itqan.Recording.Api.Http;

/// <summary>
/// The web app (web/dist, built by Vite) served from the API's web root: <c>ASPNETCORE_WEBROOT</c> or
/// <c>--webroot</c>; scripts/run.sh and the end-to-end harness point it at web/dist. Paths the SPA routes itself
/// (<c>/sessions/…</c>) get index.html; the API's own prefixes never do, so an unknown <c>/api/…</c> stays a 404
/// problem rather than a page of HTML.
/// </summary>
public static class WebAppHosting
{
    private static readonly string[] ServerPrefixes = ["/api", "/webhooks", "/health", "/swagger"];

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in ServerPrefixes)
        {
            // More specific than the SPA fallback below, so it wins for these paths; Swagger UI's own files are
            // served by its middleware before any endpoint runs.
            app.MapFallback($"{prefix}/{{**path}}", UnmatchedRequest.Problem).ExcludeFromDescription();
        }

        // index.html must be revalidated so a new deployment is picked up; Vite's hashed assets never change.
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    /// <summary>Long-lived caching for Vite's content-hashed files under /assets.</summary>
    public static StaticFileOptions AssetCaching() => new()
    {
        OnPrepareResponse = context =>
        {
            if (context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
            {
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
            }
        },
    };
}
