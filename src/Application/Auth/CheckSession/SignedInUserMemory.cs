using ItqanRecording.Domain.Users;
using Microsoft.Extensions.Caching.Memory;

namespace ItqanRecording.Application.Auth.CheckSession;

/// <summary>
/// What <see cref="CheckSessionHandler"/> remembers of a signed-in user between requests, in this API instance's
/// memory: the user's security stamp, academy and role (or that the user is gone) for <see cref="Lifetime"/>. A
/// sign-out on this instance forgets its user at once; a sign-out, a role or academy change or a removal elsewhere is
/// seen within <see cref="Lifetime"/>. At most <see cref="Capacity"/> users: when full, requests ask the database.
/// </summary>
public sealed class SignedInUserMemory(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public const int Capacity = 10_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>True with the stored user (null when gone), when read less than <see cref="Lifetime"/> ago.</summary>
    public bool TryFind(Guid userId, out StoredSessionUser? user)
    {
        if (_entries.TryGetValue(userId, out Entry? entry) && entry!.ExpiresAt > clock.GetUtcNow())
        {
            user = entry.User;
            return true;
        }

        user = null;
        return false;
    }

    public void Remember(Guid userId, StoredSessionUser? user) =>
        _entries.Set(
            userId,
            new Entry(user, clock.GetUtcNow() + Lifetime),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Forget(Guid userId) => _entries.Remove(userId);

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(StoredSessionUser? User, DateTimeOffset ExpiresAt);
}

/// <summary>The columns of a user a session depends on.</summary>
public sealed record StoredSessionUser(Guid SecurityStamp, Guid AcademyId, UserRole Role);
