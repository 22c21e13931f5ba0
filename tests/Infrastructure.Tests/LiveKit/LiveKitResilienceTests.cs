using System.Net;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Infrastructure.LiveKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Infrastructure.Tests.LiveKit;

/// <summary>The registered Egress client retries what is idempotent, and only that.</summary>
public sealed class LiveKitResilienceTests
{
    private const string Unavailable = """{"code":"unavailable","msg":"no response from servers"}""";

    [Fact]
    public async Task Start_answered_with_503_is_sent_exactly_once()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.ServiceUnavailable, Unavailable);
        using var provider = Provider(handler);
        var request = new RoomCompositeEgressRequest("room", "grid", "H264_720P_30", false, EgressFileType.Mp4, new EgressFileDestination("/out/a.mp4"));

        var start = () => provider.GetRequiredService<IEgressClient>().StartRoomCompositeEgressAsync(request, CancellationToken.None);

        (await start.Should().ThrowAsync<EgressException>()).Which.Failure.Should().Be(EgressFailure.Unavailable);
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Stop_answered_with_503_is_retried_with_backoff()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.ServiceUnavailable, Unavailable);
        using var provider = Provider(handler);

        var stop = () => provider.GetRequiredService<IEgressClient>().StopEgressAsync("EG_1", CancellationToken.None);

        await stop.Should().ThrowAsync<EgressException>();
        handler.Requests.Should().HaveCount(LiveKitResilience.MaxRetryAttempts + 1)
            .And.OnlyContain(r => r.Uri.AbsolutePath.EndsWith("/StopEgress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_answered_with_a_4xx_is_not_retried()
    {
        var handler = CapturingHandler.Answering(HttpStatusCode.NotFound, """{"code":"not_found","msg":"egress does not exist"}""");
        using var provider = Provider(handler);

        var list = () => provider.GetRequiredService<IEgressClient>().ListEgressAsync(new EgressListFilter(EgressId: "EG_1"), CancellationToken.None);

        (await list.Should().ThrowAsync<EgressException>()).Which.TwirpCode.Should().Be("not_found");
        handler.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData("http://lk/twirp/livekit.Egress/StopEgress", true)]
    [InlineData("http://lk/twirp/livekit.Egress/ListEgress", true)]
    [InlineData("http://lk/twirp/livekit.Egress/StartRoomCompositeEgress", false)]
    [InlineData("http://lk/twirp/livekit.Egress/StartEgress", false)]
    [InlineData("http://lk/twirp/livekit.Egress/UpdateLayout", false)]
    public void Only_the_idempotent_methods_are_safe_to_retry(string uri, bool safe)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);

        LiveKitResilience.IsSafeToRetry(request).Should().Be(safe);
    }

    private static ServiceProvider Provider(CapturingHandler handler)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLiveKit(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveKit:Url"] = "http://livekit.test",
            ["LiveKit:ApiKey"] = LiveKitFixtures.ApiKey,
            ["LiveKit:ApiSecret"] = LiveKitFixtures.ApiSecret,
        }).Build());
        services.AddHttpClient<IEgressClient, TwirpEgressClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }
}
