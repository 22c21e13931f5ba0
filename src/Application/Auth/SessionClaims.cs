using ItqanRecording.Domain.Users;

namespace ItqanRecording.Application.Auth;

/// <summary>
/// What a session (cookie or bearer token) says about its user: put into the session at sign-in, compared with the
/// user as stored on each request (<see cref="CheckSession.CheckSessionQuery"/>).
/// </summary>
public sealed record SessionClaims(Guid UserId, Guid AcademyId, UserRole Role, string Email, Guid SecurityStamp)
{
    public static SessionClaims Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.AcademyId, user.Role, user.Email, user.SecurityStamp);
    }
}
