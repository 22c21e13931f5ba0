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

    /// <summary>The bearer handler reads the token after this event; a token whose session has ended fails here.</summary>
    public static async Task ValidateBearerTokenAsync(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        var ticket = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim())
            : null;
        if (ticket is not null && !await StandsAsync(ticket.Principal, context.HttpContext))
        {
            context.Fail("The session has ended.");
        }
    }

    private static async Task<bool> StandsAsync(ClaimsPrincipal? principal, HttpContext http) =>
        principal?.ToSessionClaims() is { } session
        && await http.RequestServices.GetRequiredService<ISender>().Send(new CheckSessionQuery(session), http.RequestAborted);
}
