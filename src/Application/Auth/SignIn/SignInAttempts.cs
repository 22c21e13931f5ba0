using ItqanRecording.Application.Common.Abstractions;
using ItqanRecording.Domain.Users;
using Microsoft.Extensions.Caching.Memory;

namespace ItqanRecording.Application.Auth.SignIn;

/// <summary>
/// What <see cref="SignInHandler"/> keeps between attempts, in this API instance's memory: the failed sign-ins per
/// email, known or not, for as long as they can matter (<see cref="SignInFailures.LockoutDuration"/>), and the hash an
/// unknown email's password is checked against, so it costs the same time as a wrong password. At most
/// <see cref="Capacity"/> emails; per-client rate limiting on the login endpoint bounds how fast they fill.
/// </summary>
public sealed class SignInAttempts(IPasswordHasher hasher) : IDisposable
{
    public const int Capacity = 50_000;

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly Lazy<string> _unknownUserHash = new(() => hasher.Hash(Guid.NewGuid().ToString()));

    /// <summary>The hash of a password nobody knows, in the format and at the cost of the stored ones.</summary>
    public string UnknownUserHash => _unknownUserHash.Value;

    public SignInFailures FailuresOf(string normalizedEmail) =>
        _failures.TryGetValue(normalizedEmail, out SignInFailures? failures) ? failures! : SignInFailures.None;

    public void RecordFailure(string normalizedEmail, DateTimeOffset now) =>
        _failures.Set(
            normalizedEmail,
            FailuresOf(normalizedEmail).Record(now),
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = SignInFailures.LockoutDuration });

    public void Clear(string normalizedEmail) => _failures.Remove(normalizedEmail);

    public void Dispose() => _failures.Dispose();
}
