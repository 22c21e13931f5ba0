using FluentValidation;
using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Notifications.MarkNotificationsSeen;

/// <summary>
/// The user saw their notifications up to <see cref="UpTo"/> (the newest one the page showed, so one that came in
/// meanwhile stays unread); a moment in the future counts as now, an older one than before changes nothing.
/// </summary>
public sealed record MarkNotificationsSeenCommand(DateTimeOffset? UpTo, Actor Actor) : ICommand;

public sealed class MarkNotificationsSeenValidator : AbstractValidator<MarkNotificationsSeenCommand>
{
    public MarkNotificationsSeenValidator()
    {
        RuleFor(c => c.UpTo).NotNull().WithMessage("upTo is the newest notification shown (a date and time).");
    }
}

public sealed class MarkNotificationsSeenHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<MarkNotificationsSeenCommand>
{
    public async ValueTask<Unit> Handle(MarkNotificationsSeenCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == command.Actor.UserId, cancellationToken);
        var now = clock.GetUtcNow();
        var upTo = command.UpTo!.Value;
        user.SawNotificationsUpTo(upTo < now ? upTo : now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
