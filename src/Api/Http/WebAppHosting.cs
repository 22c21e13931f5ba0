using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ItqanRecording.Api.Http;

/// <summary>
/// The web app (web/dist, built by Vite) served from the API's web root: <c>ASPNETCORE_WEBROOT</c> or
/// <c>--webroot</c>; scripts/run.sh and the end-to-end harness point it at web/dist. Paths the SPA routes itself
/// (<c>/</c>, <c>/sessions/…</c>) get index.html; the API's own prefixes never do, so an unknown <c>/api/…</c>
/// stays a 404 problem rather than a page of HTML.
/// <para>
/// The build writes a brotli (<c>.br</c>) and a gzip (<c>.gz</c>) copy beside each text file; a file is sent
/// in the best encoding the request's <c>Accept-Encoding</c> accepts (q-values respected, <c>identity</c>
/// included), with the original <c>Content-Type</c>, <c>Content-Encoding</c> and <c>Vary: Accept-Encoding</c>,
/// and the static-file middleware's own ETag, ranges and conditional requests. The copies themselves are not
/// served under their own names, and source maps (<c>*.map</c>) are not served in Production.
/// </para>
/// </summary>
public static class WebAppHosting
{
    private static readonly string[] ServerPrefixes = ["/api", "/webhooks", "/health", "/swagger"];

    /// <summary>Content codings the build writes, most preferred first (brotli is the smaller).</summary>
    private static readonly Precompressed[] Encodings = [new("br", ".br"), new("gzip", ".gz")];

    private static readonly IContentTypeProvider ContentTypes = new OriginalContentTypeProvider();

    /// <summary>The web root's files, before authentication: Vite's hashed assets are cached for good.</summary>
    public static IApplicationBuilder UseWebAppFiles(this IApplicationBuilder app)
    {
        app.Use(SelectRepresentation);
        return app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = ContentTypes,
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
                {
                    context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                }
            },
        });
    }

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in ServerPrefixes)
        {
            // More specific than the SPA fallback below, so it wins for these paths; Swagger UI's own files are
            // served by its middleware before any endpoint runs.
            app.MapFallback($"{prefix}/{{**path}}", UnmatchedRequest.Problem).ExcludeFromDescription();
        }

        // As MapFallbackToFile("index.html"), with the compressed copies. index.html must be revalidated so a new
        // deployment is picked up.
        var index = app.CreateApplicationBuilder();
        index.Use((context, next) =>
        {
            context.Request.Path = "/index.html";
            context.SetEndpoint(null);
            return next(context);
        });
        index.Use(SelectRepresentation);
        index.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = ContentTypes,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapFallback(index.Build());
        return app;
    }

    /// <summary>
    /// Points a request for a web-root file at its compressed copy when the client accepts that encoding; refuses
    /// the copies by their own names, and source maps in Production.
    /// </summary>
    private static Task SelectRepresentation(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // An endpoint (the SPA fallback for "/") serves the request itself; the static-file middleware skips it too.
        if (context.GetEndpoint()?.RequestDelegate is not null
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Path.Value is not { Length: > 1 } path)
        {
            return next(context);
        }

        var environment = context.RequestServices.GetRequiredService<IWebHostEnvironment>();
        var files = environment.WebRootFileProvider;
        if (!IsFile(files, path))
        {
            return next(context);
        }

        if (Encodings.Any(e => path.EndsWith(e.Suffix, StringComparison.OrdinalIgnoreCase) && IsFile(files, path[..^e.Suffix.Length]))
            || (environment.IsProduction() && path.EndsWith(".map", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var available = Encodings.Where(e => IsFile(files, path + e.Suffix)).ToList();
        if (available.Count == 0)
        {
            return next(context);
        }

        // Whichever representation is sent, a cache must key it by Accept-Encoding.
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (ChooseEncoding(request.Headers.AcceptEncoding, available) is { } chosen)
        {
            context.Response.Headers.ContentEncoding = chosen.Coding;
            request.Path = path + chosen.Suffix;
        }

        return next(context);
    }

    /// <summary>
    /// The available coding with the highest q-value (ties go to brotli), unless <c>identity</c> is listed (itself
    /// or by <c>*</c>) with a higher one. Unlisted, <c>identity</c> is acceptable but comes last: a client that
    /// names a coding wants it.
    /// </summary>
    private static Precompressed? ChooseEncoding(StringValues acceptEncoding, IReadOnlyList<Precompressed> available)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return null;
        }

        double? QualityOf(string coding)
        {
            var listed = codings.FirstOrDefault(c => c.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
                         ?? codings.FirstOrDefault(c => c.Value.Equals("*", StringComparison.Ordinal));
            return listed is null ? null : listed.Quality ?? 1;
        }

        var identity = QualityOf("identity") ?? 0;
        Precompressed? chosen = null;
        var best = 0d;
        foreach (var encoding in available)
        {
            var quality = QualityOf(encoding.Coding) ?? 0;
            if (quality > best && quality >= identity)
            {
                (chosen, best) = (encoding, quality);
            }
        }

        return chosen;
    }

    private static bool IsFile(IFileProvider files, string path) => files.GetFileInfo(path) is { Exists: true, IsDirectory: false };

    private sealed record Precompressed(string Coding, string Suffix);

    /// <summary>A compressed copy has the type of its original (<c>app.js.br</c> is JavaScript).</summary>
    private sealed class OriginalContentTypeProvider : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, [MaybeNullWhen(false)] out string contentType)
        {
            var suffix = Encodings.FirstOrDefault(e => subpath.EndsWith(e.Suffix, StringComparison.OrdinalIgnoreCase))?.Suffix;
            return _types.TryGetContentType(suffix is null ? subpath : subpath[..^suffix.Length], out contentType);
        }
    }
}
