using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Application.Common.Results;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Auth.SignIn;

/// <summary>
/// Checks an email and password. An unknown email answers exactly as a wrong password, after checking the password
/// against a hash all the same (the same time); repeated failures lock the email for a while, whether a user has it
/// or not (<see cref="SignInFailures"/>).
/// </summary>
public sealed record SignInCommand(string Email, string Password) : ICommand<Result<SessionClaims>>;

public sealed class SignInHandler(IApplicationDbContext db, IPasswordHasher hasher, SignInAttempts attempts, TimeProvider clock)
    : ICommandHandler<SignInCommand, Result<SessionClaims>>
{
    private static readonly Error InvalidCredentials =
        new("auth.invalid_credentials", "The email or password is not correct.", ErrorType.Unauthorized);

    private static readonly Error LockedOut =
        new("auth.locked_out", "Too many failed sign-ins. The account is locked for a few minutes.", ErrorType.TooManyRequests);

    public async ValueTask<Result<SessionClaims>> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email);
        var now = clock.GetUtcNow();
        if (attempts.FailuresOf(email).IsLockedOut(now))
        {
            return LockedOut;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (!hasher.Verify(user?.PasswordHash ?? attempts.UnknownUserHash, command.Password) || user is null)
        {
            attempts.RecordFailure(email, now);
            return InvalidCredentials;
        }

        attempts.Clear(email);
        return SessionClaims.Of(user);
    }
}
