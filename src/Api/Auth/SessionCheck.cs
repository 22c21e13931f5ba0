using System.Security.Claims;
using ItqanRecording.Application.Auth.CheckSession;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ItqanRecording.Api.Auth;

/// <summary>
/// Runs when the cookie or the bearer token is read: a session whose user signed out since, changed role or academy,
/// or is gone (<see cref="CheckSessionQuery"/>) is no sign-in, so the request is answered 401 (or, where a signed link may
/// stand in, served as anonymous). A refused cookie is also deleted.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await StandsAsync(context.Principal, context.HttpContext))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>
    /// Reads the bearer token once for the handler: a token whose session has ended fails here; a genuine, unexpired
    /// one whose session stands signs the request in here (the handler would decrypt the token a second time to find
    /// the same). Every other token (unreadable, expired, absent) is left to the handler, which refuses it as always.
    /// </summary>
    public static async Task ValidateBearerTokenAsync(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        var ticket = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim())
            : null;
        if (ticket is null)
        {
            return;
        }

        if (!await StandsAsync(ticket.Principal, context.HttpContext))
        {
            context.Fail("The session has ended.");
            return;
        }

        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ticket.Properties.ExpiresUtc is { } expiresAt && now < expiresAt)
        {
            context.Principal = ticket.Principal;
            context.Properties = ticket.Properties;
            context.Success();
        }
    }

    private static async Task<bool> StandsAsync(ClaimsPrincipal? principal, HttpContext http) =>
        principal?.ToSessionClaims() is { } session
        && await http.RequestServices.GetRequiredService<ISender>().Send(new CheckSessionQuery(session), http.RequestAborted);
}
