using Microsoft.Net.Http.Headers;

namespace ItqanRecording.Api.Http;

/// <summary>
/// The headers every answer carries: <c>nosniff</c>, <c>Referrer-Policy: no-referrer</c> (a signed link in a page's
/// address never leaks to another site), a Content-Security-Policy fit for the built SPA (its scripts from this origin
/// only; styles from this origin and inline, because the player's controls (Media Chrome web components) write their
/// styles into their shadow roots as inline style elements; media from this origin, <c>blob:</c> and the object store the file endpoints redirect to, never
/// framed), and <c>Cache-Control: no-store</c> on
/// API JSON that sets no caching of its own (it is per user and may carry signed links). Kestrel sends no
/// <c>Server</c> header (<see cref="HideServerHeader"/>).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The SPA's policy. <paramref name="mediaOrigin"/>, the object store's origin when recordings are served from
    /// presigned URLs, may serve media too: a browser checks a redirect's target against <c>media-src</c>.
    /// </summary>
    public static string ContentSecurityPolicy(Uri? mediaOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        $"media-src 'self' blob:{(mediaOrigin is null ? "" : " " + mediaOrigin.GetLeftPart(UriPartial.Authority))}; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Swagger UI writes inline styles and data: images; it gets a looser policy, still never framed.</summary>
    public const string SwaggerContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    public static IWebHostBuilder HideServerHeader(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel(options => options.AddServerHeader = false);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, Uri? mediaOrigin)
    {
        var policy = ContentSecurityPolicy(mediaOrigin);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Add(context, policy);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Add(HttpContext context, string contentSecurityPolicy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger", StringComparison.Ordinal)
            ? SwaggerContentSecurityPolicy
            : contentSecurityPolicy;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && headers.CacheControl.Count == 0
            && context.Response.ContentType is { } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            headers.CacheControl = "no-store";
        }
    }
}
