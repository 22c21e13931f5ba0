using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ItqanRecording.LiveKitWebhookSigning;

/// <summary>
/// Signs a webhook body as a LiveKit server does, for the emulator, the benchmarks and the tests (the one copy): the
/// <c>Authorization</c> value is a bare HS256 JWT (no <c>Bearer</c>) with <c>iss</c> = API key, <c>nbf</c> = <c>iat</c>
/// = now, <c>exp</c> = now + 5 minutes unless told otherwise, and <c>sha256</c> = standard base64 of the SHA-256 of
/// the exact body bytes. The API's side is <c>src/Infrastructure/LiveKit/LiveKitWebhookReceiver.cs</c>.
/// </summary>
public sealed class LiveKitWebhookSigner(string apiKey, string apiSecret)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(PadKey(apiSecret)), SecurityAlgorithms.HmacSha256);

    public string Sign(ReadOnlySpan<byte> body, DateTime now, TimeSpan? lifetime = null) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = apiKey,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? DefaultLifetime),
            Claims = new Dictionary<string, object> { ["sha256"] = Convert.ToBase64String(SHA256.HashData(body)) },
            SigningCredentials = _credentials,
        });

    /// <summary>
    /// HMAC pads keys shorter than its block with zeros, so padding a short secret to IdentityModel's 32-byte minimum
    /// signs exactly as LiveKit (Go) does with the secret as it is.
    /// </summary>
    private static byte[] PadKey(string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        return key.Length >= 32 ? key : [.. key, .. new byte[32 - key.Length]];
    }
}
