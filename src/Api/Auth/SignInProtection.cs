using System.ComponentModel.DataAnnotations;
using ItqanRecording.Application.Common.Options;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using ItqanRecording.Api.Http;
using ItqanRecording.Application.Common.Results;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Api.Auth;

/// <summary>How many logins one client (IP address) may try per window (<c>Auth:LoginRateLimit</c>).</summary>
public sealed class LoginRateLimitOptions
{
    public const string SectionName = "Auth:LoginRateLimit";

    [SettingRange(1, int.MaxValue, ErrorMessage = "Auth:LoginRateLimit:PermitLimit (env Auth__LoginRateLimit__PermitLimit) must be positive.")]
    public int PermitLimit { get; set; } = 10;

    [SettingRange("00:00:01", "1.00:00:00",
        ErrorMessage = "Auth:LoginRateLimit:Window (env Auth__LoginRateLimit__Window) must lie between 00:00:01 and 1.00:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Checks <see cref="LoginRateLimitOptions"/> at start-up, naming each invalid setting.</summary>
[OptionsValidator]
public sealed partial class LoginRateLimitOptionsValidator : IValidateOptions<LoginRateLimitOptions>;

/// <summary>
/// What keeps sign-in sound behind the TLS proxy: the client's address and scheme from <c>X-Forwarded-For</c>/
/// <c>-Proto</c> only when the request comes from a configured proxy (<c>ForwardedHeaders:KnownProxies</c>, addresses,
/// and <c>ForwardedHeaders:KnownNetworks</c>, CIDR; none by default), the auth cookie <c>Secure</c> in Production
/// whatever the scheme, and a per-client rate limit on <c>POST /api/auth/login</c> (429 <c>auth.rate_limited</c>
/// with <c>Retry-After</c>).
/// </summary>
public static class SignInProtection
{
    public const string LoginPolicy = "login";

    public static IServiceCollection AddSignInProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // With no known proxy at all the middleware would trust every sender, so then it reads nothing.
            options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IWebHostEnvironment>((options, environment) => options.Cookie.SecurePolicy =
                environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        services.AddOptions<LoginRateLimitOptions>().Bind(configuration.GetSection(LoginRateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LoginRateLimitOptions>, LoginRateLimitOptionsValidator>();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(LoginPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<LoginRateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await new Error("auth.rate_limited", "Too many sign-in attempts from this address. Try again later.", ErrorType.TooManyRequests)
                    .ToProblem().ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
