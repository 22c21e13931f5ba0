namespace ItqanRecording.Domain.Users;

/// <summary>
/// The failed sign-ins under one email, whether or not a user has it (so a lockout tells nothing about which emails
/// exist): <see cref="MaxFailedSignIns"/> in a row lock the email for <see cref="LockoutDuration"/>.
/// </summary>
public sealed record SignInFailures(int Count, DateTimeOffset? LockedUntil)
{
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static SignInFailures None { get; } = new(0, null);

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>One more failure; the last allowed one locks the email and starts the count again.</summary>
    public SignInFailures Record(DateTimeOffset now) =>
        Count + 1 >= MaxFailedSignIns ? new SignInFailures(0, now + LockoutDuration) : this with { Count = Count + 1 };
}
