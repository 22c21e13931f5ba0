namespace ItqanRecording.Domain.Users;

/// <summary>
/// A person of one academy who signs in (failed sign-ins count per email: <see cref="SignInFailures"/>). Every
/// session (cookie or bearer token) carries the <see cref="SecurityStamp"/> it began with; <see cref="EndSessions"/>
/// changes it, so every session begun before stops working.
/// </summary>
public sealed class User
{
    private User()
    {
        Email = string.Empty;
        DisplayName = string.Empty;
        PasswordHash = string.Empty;
    }

    public User(Guid id, Guid academyId, string email, string displayName, UserRole role, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        Id = id;
        AcademyId = academyId;
        Email = NormalizeEmail(email);
        DisplayName = displayName;
        Role = role;
        PasswordHash = passwordHash;
        SecurityStamp = Guid.NewGuid();
    }

    public Guid Id { get; private set; }

    public Guid AcademyId { get; private set; }

    public string Email { get; private set; }

    public string DisplayName { get; private set; }

    public UserRole Role { get; private set; }

    public string PasswordHash { get; private set; }

    public Guid SecurityStamp { get; private set; }

    /// <summary>Ready notifications up to this moment were seen (<see cref="SawNotificationsUpTo"/>); null before any.</summary>
    public DateTimeOffset? NotificationsSeenUpTo { get; private set; }

    public Actor AsActor() => new(Id, AcademyId, Role);

    /// <summary>Ends every session of the user: sessions carrying the old stamp are refused from now on.</summary>
    public void EndSessions() => SecurityStamp = Guid.NewGuid();

    /// <summary>The user saw the notifications up to <paramref name="upTo"/>; an older moment changes nothing.</summary>
    public void SawNotificationsUpTo(DateTimeOffset upTo)
    {
        if (NotificationsSeenUpTo is null || upTo > NotificationsSeenUpTo)
        {
            NotificationsSeenUpTo = upTo;
        }
    }

    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
