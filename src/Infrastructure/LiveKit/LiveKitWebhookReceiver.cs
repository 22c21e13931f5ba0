using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Application.EgressEvents.ReceiveLiveKitWebhook;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>
/// Verifies webhooks as LiveKit's Go and Node receivers do: the Authorization value is the bare JWT, HS256-signed
/// with the secret of the API key in <c>iss</c> (ours is the only one we know), with a required <c>exp</c>, and its
/// <c>sha256</c> claim is the base64 SHA-256 of the raw body. Only a verified body is parsed, and of an event the
/// service does not act on (<see cref="LiveKitWebhookCommands.Applies"/>) only its name and id.
/// </summary>
/// <remarks>
/// The token is checked here rather than by a general JWT library: only HS256 is accepted, so the check is the
/// header's <c>alg</c>, one HMAC compared in constant time, and four claims. IdentityModel's handler did the same at
/// ~60 % of this receiver's CPU under load (claims dictionaries, validators, provider caches; issue #16).
/// </remarks>
public sealed class LiveKitWebhookReceiver : ILiveKitWebhookReceiver
{
    /// <summary>Clock skew allowed on <c>nbf</c> and <c>exp</c>; LiveKit's Go verifier also allows 60 s.</summary>
    public static readonly TimeSpan ClockLeeway = TimeSpan.FromSeconds(60);

    private const string NotAJwt = "The LiveKit webhook token was rejected: it is not a JWT (LiveKit sends the bare token, without 'Bearer ').";

    private readonly byte[] _secret;
    private readonly string _apiKey;
    private readonly TimeProvider _timeProvider;

    public LiveKitWebhookReceiver(IOptions<LiveKitOptions> options, TimeProvider timeProvider)
    {
        _secret = Encoding.UTF8.GetBytes(options.Value.ApiSecret);
        _apiKey = options.Value.ApiKey;
        _timeProvider = timeProvider;
    }

    public LiveKitWebhookEvent Receive(string? authorization, ReadOnlyMemory<byte> body)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw new WebhookSignatureException("The LiveKit webhook has no Authorization header.");
        }

        var claims = VerifiedClaims(authorization);
        CheckLifetime(claims);

        if (claims.Sha256 is not { } expectedHash)
        {
            throw new WebhookSignatureException("The LiveKit webhook token has no sha256 claim.");
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body.Span, hash);
        Span<byte> actualHash = stackalloc byte[44];
        if (!Base64.EncodeToUtf8(hash, actualHash, out _, out var written).Equals(System.Buffers.OperationStatus.Done)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expectedHash), actualHash[..written]))
        {
            throw new WebhookSignatureException("The LiveKit webhook body does not match the sha256 claim of its token.");
        }

        try
        {
            return EgressJsonReader.ReadWebhookEvent(body, LiveKitWebhookCommands.Applies);
        }
        catch (JsonException ex)
        {
            throw new WebhookPayloadException($"The LiveKit webhook body is not a valid event: {ex.Message}", ex);
        }
    }

    /// <summary>The token's claims once its header says HS256, its signature is ours and its issuer is our API key.</summary>
    private TokenClaims VerifiedClaims(string token)
    {
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || token.IndexOf('.', firstDot + 1) != lastDot)
        {
            throw new WebhookSignatureException(NotAJwt);
        }

        var header = Decode(token.AsSpan(0, firstDot));
        if (!IsHs256(header))
        {
            throw new WebhookSignatureException("The LiveKit webhook token was rejected: it is not signed with HS256.");
        }

        var signature = Decode(token.AsSpan(lastDot + 1));
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(token, 0, lastDot), expected);
        if (!CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            throw new WebhookSignatureException("The LiveKit webhook token was rejected: its signature does not match our API secret.");
        }

        var claims = TokenClaims.Read(Decode(token.AsSpan(firstDot + 1, lastDot - firstDot - 1)));
        if (!string.Equals(claims.Issuer, _apiKey, StringComparison.Ordinal))
        {
            throw new WebhookSignatureException("The LiveKit webhook token was rejected: it was not issued by our API key (iss).");
        }

        return claims;
    }

    private static byte[] Decode(ReadOnlySpan<char> part)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            throw new WebhookSignatureException(NotAJwt);
        }
    }

    private static bool IsHs256(byte[] header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("alg", out var alg)
                && alg.ValueKind == JsonValueKind.String
                && alg.ValueEquals("HS256");
        }
        catch (JsonException)
        {
            throw new WebhookSignatureException(NotAJwt);
        }
    }

    private void CheckLifetime(TokenClaims claims)
    {
        var now = _timeProvider.GetUtcNow();
        if (claims.Expires is not { } expires)
        {
            throw new WebhookSignatureException("The LiveKit webhook token has no exp claim.");
        }

        if (now > expires + ClockLeeway)
        {
            throw new WebhookSignatureException($"The LiveKit webhook token expired at {expires.UtcDateTime:O}.");
        }

        if (claims.NotBefore is { } notBefore && now < notBefore - ClockLeeway)
        {
            throw new WebhookSignatureException($"The LiveKit webhook token is not valid before {notBefore.UtcDateTime:O}.");
        }
    }

    /// <summary>The claims the receiver reads; a claim of the wrong type is refused as a malformed token.</summary>
    private sealed record TokenClaims(string? Issuer, DateTimeOffset? Expires, DateTimeOffset? NotBefore, string? Sha256)
    {
        public static TokenClaims Read(byte[] payload)
        {
            try
            {
                using var document = JsonDocument.Parse(payload);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new WebhookSignatureException(NotAJwt);
                }

                return new TokenClaims(String(root, "iss"), Time(root, "exp"), Time(root, "nbf"), String(root, "sha256"));
            }
            catch (JsonException)
            {
                throw new WebhookSignatureException(NotAJwt);
            }
        }

        private static string? String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static DateTimeOffset? Time(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
                && seconds is >= 0 and <= 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : throw new WebhookSignatureException($"The LiveKit webhook token was rejected: its {name} claim is not a time in seconds.");
        }
    }
}
