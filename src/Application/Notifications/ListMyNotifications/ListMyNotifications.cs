using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Notifications.ListMyNotifications;

/// <summary>
/// The user's ready notifications: the recordings of the sessions they teach or attend that became watchable within
/// <see cref="NotificationOptions.ListWindow"/> and still are, newest first, at most <see cref="Limit"/>; those after
/// the moment they last saw are unread.
/// </summary>
public sealed record ListMyNotificationsQuery(Actor Actor) : IQuery<MyNotifications>
{
    public const int Limit = 20;
}

/// <summary>A recording that became watchable at <see cref="AvailableAt"/>.</summary>
public sealed record ReadyNotification(Guid RecordingId, string DisplayName, SessionKind SessionKind, DateTimeOffset AvailableAt, bool Unread);

/// <summary>The newest notifications, and how many are unread in all.</summary>
public sealed record MyNotifications(IReadOnlyList<ReadyNotification> Items, int UnreadCount);

public sealed class ListMyNotificationsHandler(
    IApplicationDbContext db,
    ISessionFinder sessions,
    IOptions<NotificationOptions> options,
    TimeProvider clock) : IQueryHandler<ListMyNotificationsQuery, MyNotifications>
{
    public async ValueTask<MyNotifications> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var actor = query.Actor;
        var since = clock.GetUtcNow() - options.Value.ListWindow;
        var seenUpTo = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => u.NotificationsSeenUpTo).SingleOrDefaultAsync(cancellationToken);
        var sessionIds = sessions.IdsOfSessionsTakenPartIn(actor);
        var ready = db.Recordings.AsNoTracking().Watchable()
            .Where(r => r.AcademyId == actor.AcademyId && r.AvailableAt > since && sessionIds.Contains(r.SessionId));
        var unread = seenUpTo is { } seen ? ready.Where(r => r.AvailableAt > seen) : ready;
        var newest = await ready.OrderByDescending(r => r.AvailableAt).Take(ListMyNotificationsQuery.Limit)
            .Select(r => new { r.Id, r.DisplayName, r.SessionKind, AvailableAt = r.AvailableAt!.Value })
            .ToListAsync(cancellationToken);
        var items = newest.ConvertAll(r => new ReadyNotification(
            r.Id, r.DisplayName, r.SessionKind, r.AvailableAt, seenUpTo is null || r.AvailableAt > seenUpTo));
        return new MyNotifications(items, await unread.CountAsync(cancellationToken));
    }
}
