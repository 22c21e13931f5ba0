using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ItqanRecording.Application.Common.Egress;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>
/// Verifies webhooks as LiveKit's Go and Node receivers do: the Authorization value is the bare JWT, HS256-signed
/// with the secret of the API key in <c>iss</c> (ours is the only one we know), with a required <c>exp</c>, and its
/// <c>sha256</c> claim is the base64 SHA-256 of the raw body. Only a verified body is parsed.
/// </summary>
public sealed class LiveKitWebhookReceiver : ILiveKitWebhookReceiver
{
    /// <summary>Clock skew allowed on <c>nbf</c> and <c>exp</c>; LiveKit's Go verifier also allows 60 s.</summary>
    public static readonly TimeSpan ClockLeeway = TimeSpan.FromSeconds(60);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly TimeProvider _timeProvider;

    public LiveKitWebhookReceiver(IOptions<LiveKitOptions> options, TimeProvider timeProvider)
    {
        _parameters = new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = LiveKitSigningKey.Create(options.Value.ApiSecret),
            ValidIssuer = options.Value.ApiKey,
            ValidateAudience = false,
            // IdentityModel reads the system clock; CheckLifetime does this against our TimeProvider.
            ValidateLifetime = false,
        };
        _timeProvider = timeProvider;
    }

    public LiveKitWebhookEvent Receive(string? authorization, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw new WebhookSignatureException("The LiveKit webhook has no Authorization header.");
        }

        // The handler has no configuration manager to await, so this completes synchronously.
        var result = _handler.ValidateTokenAsync(authorization, _parameters).GetAwaiter().GetResult();
        if (!result.IsValid)
        {
            throw new WebhookSignatureException($"The LiveKit webhook token was rejected: {Reason(result.Exception)}.", result.Exception);
        }

        CheckLifetime((JsonWebToken)result.SecurityToken);

        if (!result.Claims.TryGetValue("sha256", out var claim) || claim is not string expectedHash)
        {
            throw new WebhookSignatureException("The LiveKit webhook token has no sha256 claim.");
        }

        var actualHash = Convert.ToBase64String(SHA256.HashData(body));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expectedHash), Encoding.UTF8.GetBytes(actualHash)))
        {
            throw new WebhookSignatureException("The LiveKit webhook body does not match the sha256 claim of its token.");
        }

        try
        {
            return EgressJsonReader.ReadWebhookEvent(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw new WebhookPayloadException($"The LiveKit webhook body is not a valid event: {ex.Message}", ex);
        }
    }

    private void CheckLifetime(JsonWebToken token)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue)
        {
            throw new WebhookSignatureException("The LiveKit webhook token has no exp claim.");
        }

        if (now > token.ValidTo + ClockLeeway)
        {
            throw new WebhookSignatureException($"The LiveKit webhook token expired at {token.ValidTo:O}.");
        }

        if (token.ValidFrom != DateTime.MinValue && now < token.ValidFrom - ClockLeeway)
        {
            throw new WebhookSignatureException($"The LiveKit webhook token is not valid before {token.ValidFrom:O}.");
        }
    }

    private static string Reason(Exception? error) => error switch
    {
        SecurityTokenInvalidIssuerException => "it was not issued by our API key (iss)",
        SecurityTokenInvalidAlgorithmException => "it is not signed with HS256",
        SecurityTokenInvalidSignatureException => "its signature does not match our API secret",
        SecurityTokenMalformedException or ArgumentException => "it is not a JWT (LiveKit sends the bare token, without 'Bearer ')",
        _ => "it is not a valid token",
    };
}
