using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Itqan.Recording.Api.Tests.Support;

/// <summary>Signs a webhook body the way a LiveKit server does: a JWT (no Bearer) carrying the body's SHA-256.</summary>
public static class LiveKitWebhookSigner
{
    public static string Sign(string body, string apiKey, string apiSecret, DateTime? issuedAt = null, TimeSpan? lifetime = null) =>
        Sign(Encoding.UTF8.GetBytes(body), apiKey, apiSecret, issuedAt, lifetime);

    /// <summary>Signs exact bytes, which need not be valid UTF-8.</summary>
    public static string Sign(byte[] body, string apiKey, string apiSecret, DateTime? issuedAt = null, TimeSpan? lifetime = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = apiKey,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(5)),
            Claims = new Dictionary<string, object>
            {
                ["sha256"] = Convert.ToBase64String(SHA256.HashData(body)),
            },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(apiSecret)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
