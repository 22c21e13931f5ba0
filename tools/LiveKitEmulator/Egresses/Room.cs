using System.Collections.Concurrent;

namespace ItqanRecording.LiveKitEmulator.Egresses;

public sealed record Room(string Name, string Sid, DateTimeOffset CreatedAt);

/// <summary>Every room exists: a room is created the first time its name is used and keeps its sid.</summary>
public sealed class RoomRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    public Room Get(string name) => _rooms.GetOrAdd(name, n => new Room(n, Ids.New("RM_"), time.GetUtcNow()));

    public void Clear() => _rooms.Clear();
}
