using Itqan.Recording.Application.Common.Abstractions;
using Itqan.Recording.Application.Common.Results;
using Itqan.Recording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Auth.SignIn;

/// <summary>Checks an email and password. Repeated failures lock the account for a while.</summary>
public sealed record SignIn(string Email, string Password) : ICommand<Result<SessionClaims>>;

public sealed class SignInHandler(IApplicationDbContext db, IPasswordHasher hasher, TimeProvider clock)
    : ICommandHandler<SignIn, Result<SessionClaims>>
{
    private static readonly Error InvalidCredentials =
        new("auth.invalid_credentials", "The email or password is not correct.", ErrorType.Unauthorized);

    public async ValueTask<Result<SessionClaims>> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            return InvalidCredentials;
        }

        var now = clock.GetUtcNow();
        if (user.IsLockedOut(now))
        {
            return new Error(
                "auth.locked_out",
                "Too many failed sign-ins. The account is locked for a few minutes.",
                ErrorType.TooManyRequests);
        }

        if (!hasher.Verify(user.PasswordHash, command.Password))
        {
            user.RecordFailedSignIn(now);
            await db.SaveChangesAsync(cancellationToken);
            return InvalidCredentials;
        }

        user.RecordSuccessfulSignIn();
        await db.SaveChangesAsync(cancellationToken);
        return SessionClaims.Of(user);
    }
}
