using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ItqanRecording.LiveKitEmulator.Twirp;

/// <param name="Rejection">Plain-text 401 body when the token itself is refused (LiveKit's auth middleware).</param>
/// <param name="CanRecord">Whether the token grants <c>video.roomRecord</c>, which every Egress method needs.</param>
public sealed record AuthResult(string? Rejection, bool CanRecord)
{
    /// <summary>No token at all: LiveKit lets the request through, and the method then denies permission.</summary>
    public static readonly AuthResult Anonymous = new(null, false);

    public static AuthResult Reject(string text) => new(text, false);
}

/// <summary>
/// Checks API tokens the way livekit-server's <c>APIKeyAuthMiddleware</c> and <c>auth.APIKeyTokenVerifier</c> do:
/// <c>Authorization: Bearer &lt;jwt&gt;</c> (or <c>?access_token=</c>), HS256 with the secret of the key named by
/// <c>iss</c>, <c>exp</c> required, 60 s leeway on <c>exp</c>/<c>nbf</c>.
/// </summary>
public sealed class TwirpAuth(ApiCredentials credentials, TimeProvider time)
{
    private const string BearerPrefix = "Bearer ";
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(60);
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<AuthResult> AuthenticateAsync(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        string token;
        if (header.Length > 0)
        {
            if (!header.StartsWith(BearerPrefix, StringComparison.Ordinal))
            {
                return AuthResult.Reject("invalid authorization header. Must start with Bearer ");
            }

            token = header[BearerPrefix.Length..];
        }
        else
        {
            token = request.Query["access_token"].ToString();
        }

        if (token.Length == 0)
        {
            return AuthResult.Anonymous;
        }

        var jwt = TryRead(token);
        if (jwt is null || jwt.Alg != SecurityAlgorithms.HmacSha256)
        {
            return AuthResult.Reject("invalid authorization token");
        }

        if (jwt.Issuer != credentials.ApiKey)
        {
            return AuthResult.Reject($"invalid API key: {jwt.Issuer}");
        }

        var problem = await VerifyAsync(token, jwt);
        return problem is null
            ? new AuthResult(null, GrantsRoomRecord(jwt))
            : AuthResult.Reject($"invalid token: {token}, error: {problem}");
    }

    private JsonWebToken? TryRead(string token)
    {
        try
        {
            return _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<string?> VerifyAsync(string token, JsonWebToken jwt)
    {
        var signature = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = credentials.SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidIssuer = credentials.ApiKey,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!signature.IsValid)
        {
            return "signature is invalid";
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo == DateTime.MinValue)
        {
            return "token has no expiry (exp)";
        }

        if (now > jwt.ValidTo + Leeway)
        {
            return "token is expired (exp)";
        }

        return jwt.ValidFrom != DateTime.MinValue && now + Leeway < jwt.ValidFrom ? "token not valid yet (nbf)" : null;
    }

    private static bool GrantsRoomRecord(JsonWebToken jwt)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload));
        return payload.RootElement.TryGetProperty("video", out var video)
            && video.ValueKind == JsonValueKind.Object
            && video.TryGetProperty("roomRecord", out var roomRecord)
            && roomRecord.ValueKind == JsonValueKind.True;
    }
}
