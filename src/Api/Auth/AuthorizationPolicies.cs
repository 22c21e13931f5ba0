using ItqanRecording.Domain.Users;
using Microsoft.AspNetCore.Authorization;

namespace ItqanRecording.Api.Auth;

/// <summary>The named policies endpoints require beyond being signed in.</summary>
public static class AuthorizationPolicies
{
    /// <summary>An admin of their academy; the use case keeps them to that academy.</summary>
    public const string AcademyAdmin = nameof(AcademyAdmin);

    public static AuthorizationBuilder AddRecordingPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPolicy(AcademyAdmin, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
                context.User.Identity?.IsAuthenticated == true && context.User.ToActor().Role == UserRole.Admin));
    }
}
