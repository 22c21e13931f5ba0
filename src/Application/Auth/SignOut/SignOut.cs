using Itqan.Recording.Application.Auth.CheckSession;
using Itqan.Recording.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Itqan.Recording.Application.Auth.SignOut;

/// <summary>
/// Ends every session of the user, on every API instance: the cookie and every bearer token issued before stop
/// working (on this instance at once, on the others within <see cref="SignedInUserMemory.Lifetime"/>).
/// </summary>
public sealed record SignOut(Guid UserId) : ICommand;

public sealed class SignOutHandler(IApplicationDbContext db, SignedInUserMemory memory) : ICommandHandler<SignOut>
{
    public async ValueTask<Unit> Handle(SignOut command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is not null)
        {
            user.EndSessions();
            await db.SaveChangesAsync(cancellationToken);
        }

        memory.Forget(command.UserId);
        return Unit.Value;
    }
}
