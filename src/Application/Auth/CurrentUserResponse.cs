using ItqanRecording.Domain.Users;

namespace ItqanRecording.Application.Auth;

public sealed record CurrentUserResponse(Guid Id, string Email, string DisplayName, UserRole Role, Guid AcademyId)
{
    public static CurrentUserResponse From(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Email, user.DisplayName, user.Role, user.AcademyId);
    }
}
