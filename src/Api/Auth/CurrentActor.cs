using System.Security.Claims;
using ItqanRecording.Application.Auth;
using ItqanRecording.Domain.Users;
using ItqanRecording.Application.Common;

namespace ItqanRecording.Api.Auth;

/// <summary>The claims a signed-in user carries, and the <see cref="Actor"/> and session read back from them.</summary>
public static class CurrentActor
{
    public const string AcademyClaim = "academy_id";
    public const string SecurityStampClaim = "security_stamp";

    public static ClaimsPrincipal ToPrincipal(SessionClaims session, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, session.UserId.ToString()),
                new Claim(AcademyClaim, session.AcademyId.ToString()),
                new Claim(ClaimTypes.Role, WireNames.Of(session.Role)),
                new Claim(ClaimTypes.Email, session.Email),
                new Claim(SecurityStampClaim, session.SecurityStamp.ToString()),
            ],
            authenticationType));
    }

    /// <summary>The session a signed-in principal carries; null when a claim is missing (a session from before stamps).</summary>
    public static SessionClaims? ToSessionClaims(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Guid.TryParse(user.FindFirstValue(SecurityStampClaim), out var stamp) || user.FindFirstValue(ClaimTypes.Email) is not { } email)
        {
            return null;
        }

        var actor = user.ToActor();
        return new SessionClaims(actor.UserId, actor.AcademyId, actor.Role, email, stamp);
    }

    /// <summary>The actor of a signed-in user, or null for an anonymous request.</summary>
    public static Actor? ToActorIfSignedIn(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? user.ToActor() : null;
    }

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(
            Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
            Guid.Parse(user.FindFirstValue(AcademyClaim)!),
            Enum.Parse<UserRole>(user.FindFirstValue(ClaimTypes.Role)!, ignoreCase: true));
    }
}
