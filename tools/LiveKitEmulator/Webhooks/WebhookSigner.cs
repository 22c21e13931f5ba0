using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Itqan.Recording.LiveKitEmulator.Webhooks;

/// <summary>
/// The token LiveKit puts in a webhook's <c>Authorization</c> header (no <c>Bearer</c>): HS256 with the API secret,
/// <c>iss</c> = API key, <c>nbf</c> = <c>iat</c> = now, <c>exp</c> = now + 5 min, and <c>sha256</c> = standard
/// base64 of the SHA-256 of the body.
/// </summary>
public sealed class WebhookSigner(ApiCredentials credentials, TimeProvider time)
{
    private static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Sign(byte[] body)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = credentials.ApiKey,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Validity,
            Claims = new Dictionary<string, object> { ["sha256"] = Convert.ToBase64String(SHA256.HashData(body)) },
            SigningCredentials = new SigningCredentials(credentials.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
