using ItqanRecording.Infrastructure.LiveKit;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

public sealed class LiveKitAccessTokenFactoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 30, 25, TimeSpan.Zero);

    [Fact]
    public void Egress_token_has_exactly_the_node_sdk_claims()
    {
        var token = Factory(LiveKitFixtures.ApiKey, LiveKitFixtures.ApiSecret).CreateEgressToken();

        var (header, payload) = TestJwt.Verify(token, LiveKitFixtures.ApiSecret);
        header.GetProperty("alg").GetString().Should().Be("HS256");
        payload.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("video", "iss", "exp", "nbf");
        payload.GetProperty("video").GetRawText().Should().Be("""{"roomRecord":true}""");
        payload.GetProperty("iss").GetString().Should().Be(LiveKitFixtures.ApiKey);
        payload.GetProperty("nbf").GetInt64().Should().Be(Now.ToUnixTimeSeconds());
        payload.GetProperty("exp").GetInt64().Should().Be(Now.ToUnixTimeSeconds() + 600);
    }

    [Fact]
    public void Token_signed_with_a_short_dev_secret_verifies_with_that_secret()
    {
        var token = Factory("devkey", "secret").CreateEgressToken();

        var (_, payload) = TestJwt.Verify(token, "secret");
        payload.GetProperty("iss").GetString().Should().Be("devkey");
    }

    private static LiveKitAccessTokenFactory Factory(string apiKey, string apiSecret) =>
        new(Options.Create(new LiveKitOptions { ApiKey = apiKey, ApiSecret = apiSecret }), new TestTimeProvider(Now));
}
