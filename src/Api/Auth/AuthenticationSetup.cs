using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ItqanRecording.Api.Auth;

/// <summary>
/// Two ways to be signed in: the SPA's HttpOnly cookie, or a bearer token for API clients (Swagger, curl).
/// A request with <c>Authorization: Bearer</c> is checked as a bearer token; any other as a cookie. Either way the
/// session must still stand (<see cref="SessionCheck"/>): signing out, a role or academy change or the user's removal
/// ends it on every instance.
/// </summary>
public static class AuthenticationSetup
{
    public const string Scheme = "CookieOrBearer";
    public const string CookieName = "itqan_auth";

    public static IServiceCollection AddCookieOrBearerAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerTokenDefaults.AuthenticationScheme
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => StatusOnly(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => StatusOnly(context.Response, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
            })
            .AddBearerToken(options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(1);
                options.Events.OnMessageReceived = SessionCheck.ValidateBearerTokenAsync;
            });
        services.AddAuthorizationBuilder().AddRecordingPolicies();
        return services;
    }

    /// <summary>
    /// Authentication for the requests that carry a sign-in: the auth cookie or a bearer token. A request with neither
    /// (LiveKit's webhook, a heartbeat or a file by signed link, the SPA's files, the health checks) has nothing to
    /// read: the handlers would be built for it only to find no ticket. It stays anonymous, as it would after them;
    /// an endpoint that requires a sign-in still challenges it (401) through the same handlers.
    /// </summary>
    public static IApplicationBuilder UseAuthenticationOfSignIns(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(CarriesSignIn, signedIn => signedIn.UseAuthentication());
        // The branch's UseAuthentication marks only the branch; without the mark here, WebApplication would add its own
        // authentication in front of the whole pipeline, for every request.
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    /// <summary>ASP.NET Core's own mark (AuthAppBuilderExtensions) that an app has placed its authentication.</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private static bool CarriesSignIn(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || context.Request.Cookies.ContainsKey(CookieName);

    private static Task StatusOnly(HttpResponse response, int statusCode)
    {
        response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
