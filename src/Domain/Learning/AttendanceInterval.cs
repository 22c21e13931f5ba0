namespace ItqanRecording.Domain.Learning;

/// <summary>
/// One stay of a participant in a session's LiveKit room, from <c>participant_joined</c> to <c>participant_left</c>.
/// LiveKit gives every connection its own participant SID, so a stay is known by it: its join and its leave may arrive
/// in either order, or twice, and still make one stay. The participant's identity is mapped to our user when it names
/// one (<see cref="UserId"/>); a stay without an end is still going on.
/// </summary>
public sealed class AttendanceInterval
{
    private AttendanceInterval()
    {
        ParticipantSid = string.Empty;
        Identity = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid AcademyId { get; private set; }

    public string ParticipantSid { get; private set; }

    public string Identity { get; private set; }

    /// <summary>The name the participant joined under.</summary>
    public string Name { get; private set; }

    public Guid? UserId { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? LeftAt { get; private set; }

    public static AttendanceInterval Begin(
        Guid sessionId, Guid academyId, string participantSid, string identity, string name, Guid? userId, DateTimeOffset joinedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(participantSid);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        return new AttendanceInterval
        {
            Id = Guid.CreateVersion7(joinedAt),
            SessionId = sessionId,
            AcademyId = academyId,
            ParticipantSid = participantSid,
            Identity = identity,
            Name = string.IsNullOrWhiteSpace(name) ? identity : name,
            UserId = userId,
            JoinedAt = joinedAt,
        };
    }

    /// <summary>The participant left at <paramref name="at"/>; never before they joined, and a resent leave changes nothing.</summary>
    public void End(DateTimeOffset at) => LeftAt ??= at < JoinedAt ? JoinedAt : at;
}
