using ItqanRecording.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ItqanRecording.Application.Notifications.NotifyOpenPages;

/// <summary>
/// PostgreSQL said the recording became watchable (on this instance or another): this instance's open pages of its
/// students and teacher hear of it. Nothing is said when it is no longer watchable by the time we look, and nothing is
/// looked up while no page is open here (every instance hears of every recording).
/// </summary>
public sealed record NotifyOpenPagesCommand(Guid RecordingId) : ICommand;

public sealed class NotifyOpenPagesHandler(IApplicationDbContext db, ISessionFinder sessions, ReadyNotificationHub hub)
    : ICommandHandler<NotifyOpenPagesCommand>
{
    public async ValueTask<Unit> Handle(NotifyOpenPagesCommand command, CancellationToken cancellationToken)
    {
        if (!hub.HasOpenPages)
        {
            return Unit.Value;
        }

        var recording = await db.Recordings.AsNoTracking().Watchable()
            .SingleOrDefaultAsync(r => r.Id == command.RecordingId, cancellationToken);
        if (recording is not null)
        {
            hub.Publish(await ReadyRecordings.AudienceOfAsync(recording, sessions, cancellationToken), new ReadyNotice(recording.Id));
        }

        return Unit.Value;
    }
}
