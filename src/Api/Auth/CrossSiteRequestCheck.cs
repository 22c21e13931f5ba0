using ItqanRecording.Api.Http;
using ItqanRecording.Application.Common.Results;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ItqanRecording.Api.Auth;

/// <summary>
/// A browser sends the auth cookie with a request another site started: SameSite=Strict keeps it from other sites
/// but not from sibling subdomains (same site, other origin). So a state-changing request (not GET, HEAD, OPTIONS or
/// TRACE) signed in by the cookie must come from this origin: <c>Sec-Fetch-Site: same-origin</c> (or <c>none</c>, the
/// user's own navigation), else an <c>Origin</c> equal to this request's scheme and host (after forwarded headers).
/// A request carrying neither header is not a browser's cross-site request and passes; bearer-token requests are not
/// sent by a browser on its own and pass. Refused: 403 <c>auth.cross_site_request</c>.
/// </summary>
public static class CrossSiteRequestCheck
{
    public static IApplicationBuilder UseCrossSiteRequestCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsCookieAuthenticatedChange(context) && !ComesFromThisOrigin(context.Request))
            {
                await new Error("auth.cross_site_request", "A signed-in change must come from this site's own pages.", ErrorType.Forbidden)
                    .ToProblem().ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private static bool IsCookieAuthenticatedChange(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };

    private static bool ComesFromThisOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite is "same-origin" or "none")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return fetchSite.Length == 0;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
