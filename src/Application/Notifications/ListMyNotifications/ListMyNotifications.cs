using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Application.Notifications.ListMyNotifications;

/// <summary>
/// The user's notifications, newest first, at most <see cref="Limit"/>: the recordings of the sessions they teach or
/// attend that became watchable within <see cref="NotificationOptions.ListWindow"/> and still are, and for a teacher
/// their recordings completed in that window that still await their review. Those after the moment they last saw are
/// unread.
/// </summary>
public sealed record ListMyNotificationsQuery(Actor Actor) : IQuery<MyNotifications>
{
    public const int Limit = 20;
}

/// <summary>Why a recording is in the list.</summary>
public enum NotificationReason
{
    /// <summary>Its students can watch it, since <see cref="RecordingNotification.At"/>.</summary>
    Ready,

    /// <summary>It completed at <see cref="RecordingNotification.At"/> and waits for its teacher to publish or hide it.</summary>
    AwaitingReview,
}

/// <summary>A recording in the list; one awaiting review is published or hidden from its session's page (<see cref="SessionId"/>).</summary>
public sealed record RecordingNotification(
    Guid RecordingId, Guid SessionId, string DisplayName, SessionKind SessionKind, NotificationReason Reason, DateTimeOffset At, bool Unread);

/// <summary>The newest notifications, and how many are unread in all.</summary>
public sealed record MyNotifications(IReadOnlyList<RecordingNotification> Items, int UnreadCount);

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
            .Where(r => r.AcademyId == actor.AcademyId && r.AvailableAt > since && sessionIds.Contains(r.SessionId))
            .Select(r => new Dated { Id = r.Id, SessionId = r.SessionId, DisplayName = r.DisplayName, SessionKind = r.SessionKind, At = r.AvailableAt!.Value });
        var awaiting = db.Recordings.AsNoTracking()
            .Where(r => r.AcademyId == actor.AcademyId && r.TeacherId == actor.UserId && r.Status == RecordingStatus.Completed
                && r.Publication == RecordingPublication.AwaitingReview && r.CompletedAt > since)
            .Select(r => new Dated { Id = r.Id, SessionId = r.SessionId, DisplayName = r.DisplayName, SessionKind = r.SessionKind, At = r.CompletedAt!.Value });
        var items = new List<RecordingNotification>();
        var unreadCount = 0;
        foreach (var (reason, dated) in new[] { (NotificationReason.Ready, ready), (NotificationReason.AwaitingReview, awaiting) })
        {
            var newest = await dated.OrderByDescending(r => r.At).Take(ListMyNotificationsQuery.Limit).ToListAsync(cancellationToken);
            items.AddRange(newest.Select(r => new RecordingNotification(r.Id, r.SessionId, r.DisplayName, r.SessionKind, reason, r.At, seenUpTo is null || r.At > seenUpTo)));
            unreadCount += await (seenUpTo is { } seen ? dated.Where(r => r.At > seen) : dated).CountAsync(cancellationToken);
        }

        return new MyNotifications([.. items.OrderByDescending(i => i.At).Take(ListMyNotificationsQuery.Limit)], unreadCount);
    }

    /// <summary>A recording with the moment it is in the list for; an object initialiser, so that EF Core can order and filter by it.</summary>
    private sealed class Dated
    {
        public required Guid Id { get; init; }

        public required Guid SessionId { get; init; }

        public required string DisplayName { get; init; }

        public required SessionKind SessionKind { get; init; }

        public required DateTimeOffset At { get; init; }
    }
}
