using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Itqan.Recording.Bench.Webhooks;

/// <summary>
/// Signs a webhook body as a LiveKit server does (see tests/Api.Tests/Support/LiveKitWebhookSigner.cs and the
/// emulator): the Authorization value is a bare HS256 JWT with <c>iss</c> = API key, <c>nbf</c> = <c>iat</c> = now,
/// <c>exp</c> = now + 5 min, and <c>sha256</c> = base64 of the SHA-256 of the exact body bytes.
/// </summary>
public sealed class WebhookSigner(string apiKey, string apiSecret)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(PadKey(apiSecret)), SecurityAlgorithms.HmacSha256);

    public string Sign(ReadOnlySpan<byte> body, DateTime now, TimeSpan? lifetime = null) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = apiKey,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(5)),
            Claims = new Dictionary<string, object> { ["sha256"] = Convert.ToBase64String(SHA256.HashData(body)) },
            SigningCredentials = _credentials,
        });

    /// <summary>HMAC pads short keys with zeros, so padding to IdentityModel's 32-byte minimum signs identically.</summary>
    private static byte[] PadKey(string secret)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < 32)
        {
            Array.Resize(ref bytes, 32);
        }

        return bytes;
    }
}
