using Microsoft.AspNetCore.Identity;
using IPasswordHasher = ItqanRecording.Application.Common.Abstractions.IPasswordHasher;

namespace ItqanRecording.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 password hasher.</summary>
public sealed class AspNetPasswordHasher : IPasswordHasher
{
    private static readonly object HashOwner = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(HashOwner, password);

    public bool Verify(string passwordHash, string password) =>
        _hasher.VerifyHashedPassword(HashOwner, passwordHash, password) is not PasswordVerificationResult.Failed;
}
