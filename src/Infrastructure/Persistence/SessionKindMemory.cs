using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace ItqanRecording.Infrastructure.Persistence;

/// <summary>
/// The kind of each session this instance has loaded lately. A session never changes kind, so a kind once read stays
/// true (a session removed since is simply not found by the load that follows, which reads its row anyway). At most
/// <see cref="Capacity"/> sessions, each forgotten after <see cref="Idle"/> without use; past that, the kind is read again.
/// </summary>
public sealed class SessionKindMemory : IDisposable
{
    public const int Capacity = 10_000;

    public static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    private readonly MemoryCache _kinds = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool TryFind(Guid sessionId, [NotNullWhen(true)] out string? kind) => _kinds.TryGetValue(sessionId, out kind);

    public void Remember(Guid sessionId, string kind) =>
        _kinds.Set(sessionId, kind, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Dispose() => _kinds.Dispose();
}
