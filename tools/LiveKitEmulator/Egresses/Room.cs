using System.Collections.Concurrent;

namespace ItqanRecording.LiveKitEmulator.Egresses;

public sealed record Room(string Name, string Sid, DateTimeOffset CreatedAt);

/// <summary>Someone in a room: one connection (a new SID each join) of an identity.</summary>
public sealed record Participant(string Sid, string Identity, string Name, DateTimeOffset JoinedAt);

/// <summary>Every room exists: a room is created the first time its name is used and keeps its sid.</summary>
public sealed class RoomRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Room, string Identity), Participant> _participants = new();

    public Room Get(string name) => _rooms.GetOrAdd(name, n => new Room(n, Ids.New("RM_"), time.GetUtcNow()));

    /// <summary>The identity joins the room on a new connection (a new SID), leaving any it had there.</summary>
    public Participant Join(string roomName, string identity, string name) =>
        _participants[(roomName, identity)] = new Participant(Ids.New("PA_"), identity, name, time.GetUtcNow());

    /// <summary>The identity's connection to the room ends; null when it is not there.</summary>
    public Participant? Leave(string roomName, string identity) =>
        _participants.TryRemove((roomName, identity), out var participant) ? participant : null;

    public void Clear()
    {
        _rooms.Clear();
        _participants.Clear();
    }
}
