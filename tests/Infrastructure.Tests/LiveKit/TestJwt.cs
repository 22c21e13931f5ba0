using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

/// <summary>Signs and checks JWTs by hand, independently of the IdentityModel code under test.</summary>
internal static class TestJwt
{
    public static string Sign(IReadOnlyDictionary<string, object> claims, string secret, string algorithm = "HS256")
    {
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = algorithm }));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var input = Encoding.ASCII.GetBytes($"{header}.{payload}");
        var key = Encoding.UTF8.GetBytes(secret);
        var signature = algorithm switch
        {
            "HS256" => HMACSHA256.HashData(key, input),
            "HS512" => HMACSHA512.HashData(key, input),
            "none" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        return $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The token LiveKit puts in a webhook's Authorization header for <paramref name="body"/>.</summary>
    public static string ForWebhook(byte[] body, DateTimeOffset now, string apiKey = LiveKitFixtures.ApiKey,
        string secret = LiveKitFixtures.ApiSecret) =>
        Sign(WebhookClaims(body, now, apiKey), secret);

    public static Dictionary<string, object> WebhookClaims(byte[] body, DateTimeOffset now, string apiKey = LiveKitFixtures.ApiKey) => new()
    {
        ["iss"] = apiKey,
        ["nbf"] = now.ToUnixTimeSeconds(),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
        ["sha256"] = Convert.ToBase64String(SHA256.HashData(body)),
    };

    /// <summary>Checks the HS256 signature and returns the decoded header and payload.</summary>
    public static (JsonElement Header, JsonElement Payload) Verify(string token, string secret)
    {
        var parts = token.Split('.');
        parts.Should().HaveCount(3);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        Base64Url.DecodeFromChars(parts[2]).Should().Equal(expected, "the token must be HS256-signed with the API secret");
        return (Decode(parts[0]), Decode(parts[1]));
    }

    private static JsonElement Decode(string part) => JsonDocument.Parse(Base64Url.DecodeFromChars(part)).RootElement.Clone();
}
