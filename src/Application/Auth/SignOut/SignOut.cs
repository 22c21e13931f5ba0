using ItqanRecording.Application.Auth.CheckSession;
using ItqanRecording.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Auth.SignOut;

/// <summary>
/// Ends every session of the user, on every API instance: the cookie and every bearer token issued before stop
/// working (on this instance at once, on the others within <see cref="SignedInUserMemory.Lifetime"/>).
/// </summary>
public sealed record SignOutCommand(Guid UserId) : ICommand;

public sealed class SignOutHandler(IApplicationDbContext db, SignedInUserMemory memory) : ICommandHandler<SignOutCommand>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
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
