using System.Security.Claims;
using Itqan.Recording.Domain.Users;

namespace Itqan.Recording.Api.Auth;

/// <summary>The claims a signed-in user carries, and the <see cref="Actor"/> read back from them.</summary>
public static class CurrentActor
{
    public const string AcademyClaim = "academy_id";

    public static ClaimsPrincipal ToPrincipal(Guid userId, Guid academyId, string role, string email, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(AcademyClaim, academyId.ToString()),
                new Claim(ClaimTypes.Role, role),
                new Claim(ClaimTypes.Email, email),
            ],
            authenticationType));

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
