using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ItqanRecording.Application.Notifications;

/// <summary>A recording became watchable: what an open page is told at once.</summary>
public sealed record ReadyNotice(Guid RecordingId);

/// <summary>
/// The pages open on this instance that listen for ready notifications (<c>GET /api/me/notifications/events</c>), by
/// user. Every instance learns of a ready recording from PostgreSQL (<c>LISTEN recording_available</c>) and tells its
/// own pages; a page that falls behind loses the oldest notices, not the connection (it reloads the list anyway).
/// </summary>
public sealed class ReadyNotificationHub
{
    /// <summary>Notices a page may have waiting before the oldest are dropped.</summary>
    public const int PageBacklog = 16;

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<ReadyNotice>, bool>> _pages = new();

    /// <summary>Whether any page listens on this instance now: with none, a ready recording needs no look-up here.</summary>
    public bool HasOpenPages => !_pages.IsEmpty;

    /// <summary>Listens for the user's notices until the returned subscription is disposed.</summary>
    public Subscription Subscribe(Guid userId)
    {
        var channel = Channel.CreateBounded<ReadyNotice>(
            new BoundedChannelOptions(PageBacklog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _pages.GetOrAdd(userId, _ => new()).TryAdd(channel, true);
        return new Subscription(this, userId, channel);
    }

    /// <summary>Tells every open page of <paramref name="userIds"/> on this instance.</summary>
    public void Publish(IEnumerable<Guid> userIds, ReadyNotice notice)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var userId in userIds)
        {
            if (_pages.TryGetValue(userId, out var pages))
            {
                foreach (var page in pages.Keys)
                {
                    page.Writer.TryWrite(notice);
                }
            }
        }
    }

    private void Unsubscribe(Guid userId, Channel<ReadyNotice> channel)
    {
        if (_pages.TryGetValue(userId, out var pages))
        {
            pages.TryRemove(channel, out _);
            if (pages.IsEmpty)
            {
                _pages.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Channel<ReadyNotice>, bool>>(userId, pages));
            }
        }
    }

    /// <summary>One open page's notices.</summary>
    public sealed class Subscription(ReadyNotificationHub hub, Guid userId, Channel<ReadyNotice> channel) : IDisposable
    {
        public ChannelReader<ReadyNotice> Notices => channel.Reader;

        public void Dispose()
        {
            hub.Unsubscribe(userId, channel);
            channel.Writer.TryComplete();
        }
    }
}
