using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ItqanRecording.Infrastructure.LiveKit;

/// <summary>Mints the API token for Egress calls, with the claims the Node SDK's <c>EgressClient</c> signs.</summary>
public sealed class LiveKitAccessTokenFactory
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly string _apiKey;
    private readonly TimeProvider _timeProvider;

    public LiveKitAccessTokenFactory(IOptions<LiveKitOptions> options, TimeProvider timeProvider)
    {
        _apiKey = options.Value.ApiKey;
        _credentials = new SigningCredentials(LiveKitSigningKey.Create(options.Value.ApiSecret), SecurityAlgorithms.HmacSha256);
        _timeProvider = timeProvider;
    }

    /// <summary>An HS256 JWT with <c>{"video":{"roomRecord":true},"iss":key,"exp":now+600,"nbf":now}</c>.</summary>
    public string CreateEgressToken()
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _apiKey,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object>
            {
                ["video"] = new Dictionary<string, object> { ["roomRecord"] = true },
            },
            SigningCredentials = _credentials,
        });
    }
}
