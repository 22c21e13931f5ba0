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

    private static Task StatusOnly(HttpResponse response, int statusCode)
    {
        response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
